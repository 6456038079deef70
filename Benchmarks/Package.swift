// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Benchmarks",
    dependencies: [
        .package(name: "campaign-planner", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "AllocationBenchmark",
            dependencies: [.product(name: "Allocation", package: "campaign-planner")],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
