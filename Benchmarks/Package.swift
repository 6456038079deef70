// swift-tools-version:6.0
// Benchmarks: plain executables that print figures and check their answers (see CONTRIBUTING.md).
import PackageDescription

let package = Package(
    name: "Benchmarks",
    dependencies: [.package(name: "campaign-planner", path: "..")],
    targets: [
        .executableTarget(
            name: "WorkbookBenchmark",
            dependencies: [
                .product(name: "Workbook", package: "campaign-planner"), .product(name: "ICUKit", package: "campaign-planner"),
            ],
            path: "Sources/WorkbookBenchmark"
        ),
        .executableTarget(
            name: "FestivalsBenchmark",
            dependencies: [
                .product(name: "Festivals", package: "campaign-planner"),
                .product(name: "Locales", package: "campaign-planner"),
                .product(name: "ICUKit", package: "campaign-planner"),
            ],
            path: "Sources/FestivalsBenchmark"
        ),
        .executableTarget(
            name: "AllocationBenchmark",
            dependencies: [
                .product(name: "Allocation", package: "campaign-planner"), .product(name: "PlannerCore", package: "campaign-planner"),
            ],
            path: "Sources/AllocationBenchmark"
        ),
        .executableTarget(
            name: "MessagesBenchmark",
            dependencies: [
                .product(name: "Messages", package: "campaign-planner"),
                .product(name: "Locales", package: "campaign-planner"),
            ],
            path: "Sources/MessagesBenchmark"
        ),
        .executableTarget(
            name: "SegmentsBenchmark",
            dependencies: [
                .product(name: "Segments", package: "campaign-planner"),
                .product(name: "Locales", package: "campaign-planner"),
                .product(name: "PlannerIO", package: "campaign-planner"),
                .product(name: "ICUKit", package: "campaign-planner"),
            ],
            path: "Sources/SegmentsBenchmark"
        ),
        .executableTarget(
            name: "AudienceBenchmark",
            dependencies: [
                .product(name: "Audience", package: "campaign-planner"), .product(name: "Planner", package: "campaign-planner"),
                .product(name: "Messages", package: "campaign-planner"), .product(name: "Segments", package: "campaign-planner"),
                .product(name: "Locales", package: "campaign-planner"), .product(name: "PlannerIO", package: "campaign-planner"),
                .product(name: "Export", package: "campaign-planner"),
            ],
            path: "Sources/AudienceBenchmark"
        ),
        .executableTarget(
            name: "ReviewBenchmark",
            dependencies: [
                .product(name: "Review", package: "campaign-planner"),
                .product(name: "Segments", package: "campaign-planner"),
                .product(name: "Locales", package: "campaign-planner"),
                .product(name: "PlannerIO", package: "campaign-planner"),
            ],
            path: "Sources/ReviewBenchmark"
        ),
    ],
    swiftLanguageModes: [.v6]
)
