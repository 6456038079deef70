// swift-tools-version:6.0
// Benchmarks: plain executables that print figures (wall time, MB/s, peak RSS) and check their
// answers. Run from this folder: swift run -c release SegmentsBenchmark --help
import PackageDescription

let package = Package(
    name: "campaign-planner-benchmarks",
    dependencies: [.package(name: "campaign-planner", path: "..")],
    targets: [
        .executableTarget(
            name: "SegmentsBenchmark",
            dependencies: [
                .product(name: "Segments", package: "campaign-planner"),
                .product(name: "Locales", package: "campaign-planner"),
                .product(name: "ICUKit", package: "campaign-planner"),
                .product(name: "PlannerIO", package: "campaign-planner"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
        )
    ],
    swiftLanguageModes: [.v6]
)
