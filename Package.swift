// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "campaign-planner",
    products: [
        .library(name: "Allocation", targets: ["Allocation"])
    ],
    targets: [
        .target(
            name: "Allocation",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AllocationTests",
            dependencies: ["Allocation"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
