// swift-tools-version:6.0
// Benchmarks for campaign-planner: plain executables that print figures and check their answers.
import PackageDescription

let package = Package(
    name: "campaign-planner-benchmarks",
    dependencies: [.package(name: "campaign-planner", path: "..")],
    targets: [
        .executableTarget(
            name: "MessagesBenchmark",
            dependencies: [
                .product(name: "Messages", package: "campaign-planner"),
                .product(name: "Locales", package: "campaign-planner"),
            ],
            path: "Sources/MessagesBenchmark"
        )
    ],
    swiftLanguageModes: [.v6]
)
