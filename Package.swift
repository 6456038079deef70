// swift-tools-version:6.0
// campaign-planner: who to target, when, with how much money, and what to say, in which language.
// Module layers, data flow and where each rule lives: ARCHITECTURE.md (checked by scripts/check-boundaries).
import PackageDescription

/// Upcoming language features every target opts into (see STYLE.md: hummingbird).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "campaign-planner",
    products: [
        .executable(name: "campaign-planner", targets: ["campaign-planner"]),
        .library(name: "PlannerCore", targets: ["PlannerCore"]),
        .library(name: "ICUKit", targets: ["ICUKit"]),
        .library(name: "PlannerIO", targets: ["PlannerIO"]),
        .library(name: "Locales", targets: ["Locales"]),
        .library(name: "Workbook", targets: ["Workbook"]),
        .library(name: "Festivals", targets: ["Festivals"]),
        .library(name: "Allocation", targets: ["Allocation"]),
        .library(name: "Messages", targets: ["Messages"]),
        .library(name: "Segments", targets: ["Segments"]),
        .library(name: "Planner", targets: ["Planner"]),
        .library(name: "Audience", targets: ["Audience"]),
        .library(name: "Export", targets: ["Export"]),
        .library(name: "Review", targets: ["Review"]),
        .library(name: "PostgresAccess", targets: ["PostgresAccess"]),
        .library(name: "Workspace", targets: ["Workspace"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // System ICU (Debian: libicu-dev). Only CICU's C/C++ files ever see its headers.
        .systemLibrary(
            name: "CICUSystem",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // The bridge: a public header with <stdint.h> only; ICU inside the .c/.cpp files.
        .target(
            name: "CICU",
            dependencies: ["CICUSystem"],
            cSettings: [.define("U_SHOW_CPLUSPLUS_API", to: "1")],
            cxxSettings: [.define("U_SHOW_CPLUSPLUS_API", to: "1")],
            linkerSettings: [
                .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
                .linkedLibrary("stdc++"),
            ]
        ),
        // The bottom layer: value types every module shares (dates, money, diagnostics, tables).
        .target(name: "PlannerCore", swiftSettings: strictSettings),
        .target(name: "ICUKit", dependencies: ["PlannerCore", "CICU"], swiftSettings: strictSettings),
        // A header-only 64-byte classifier (SSE2/NEON) for the CSV scanner's hot loop.
        .target(name: "CCSVScan"),
        .target(
            name: "PlannerIO",
            dependencies: ["PlannerCore", "CCSVScan", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Locales",
            dependencies: ["PlannerCore", "ICUKit", "PlannerIO"],
            swiftSettings: strictSettings
        ),
        // XLSX workbooks (OOXML in a ZIP) and SVG charts: generic, independent of the plan model.
        .target(
            name: "Workbook",
            dependencies: ["PlannerCore", "ICUKit", "PlannerIO", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Segments",
            dependencies: ["PlannerCore", "ICUKit", "Locales", "PlannerIO", "PostgresAccess"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Messages",
            dependencies: ["PlannerCore", "ICUKit", "Locales", "PlannerIO"],
            swiftSettings: strictSettings
        ),
        // A PostgreSQL connection (postgres-nio): settings from a URL, PGPASSWORD and ~/.pgpass, one
        // parameterised query streamed as text rows, errors that say what to fix.
        .target(
            name: "PostgresAccess",
            dependencies: [
                "PlannerCore", "PlannerIO", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Budget allocation: pure math over the core values, no I/O.
        .target(name: "Allocation", dependencies: ["PlannerCore"], swiftSettings: strictSettings),
        .target(
            name: "Planner",
            dependencies: [
                "PlannerCore", "ICUKit", "PlannerIO", "Locales", "Festivals", "Allocation", "Messages", "Segments", "PostgresAccess",
            ],
            swiftSettings: strictSettings
        ),
        // Segment review: two customer snapshots compared (sizes, significance, flags, migration).
        .target(
            name: "Review",
            dependencies: ["PlannerCore", "PlannerIO", "Locales", "Segments"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Export",
            dependencies: [
                "PlannerCore", "ICUKit", "PlannerIO", "Locales", "Allocation", "Messages", "Planner", "Comparison", "Results", "Workbook",
                "Audience", "Review", "Segments",
            ],
            swiftSettings: strictSettings
        ),
        // Budget review: reads plan.json files back and compares them, with reasons and a bridge
        // (rendered by Export).
        .target(
            name: "Comparison",
            dependencies: ["PlannerCore", "ICUKit", "Planner", "PlannerIO"],
            swiftSettings: strictSettings
        ),
        .target(name: "Results", dependencies: ["PlannerCore", "Planner", "PlannerIO"], swiftSettings: strictSettings),
        // Audiences: a plan's lines become the exact sends (holdout, ranking, cap, times, contacts,
        // per-customer messages), handed segment by segment to a sink (the files are Export's).
        .target(
            name: "Audience",
            dependencies: ["PlannerCore", "PlannerIO", "Locales", "Festivals", "Messages", "Segments", "Planner"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Festivals",
            dependencies: ["PlannerCore", "ICUKit", "Locales", "PlannerIO"],
            swiftSettings: strictSettings
        ),
        // The web workspace: routes, server-side HTML, CSRF, the start-up token, workspace paths (Hummingbird).
        .target(
            name: "Workspace",
            dependencies: [
                "PlannerCore", "ICUKit", "PlannerIO", "Locales", "Festivals", "Messages", "Segments", "Planner", "Comparison",
                "Results", "Audience", "Export", "Workbook", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "campaign-planner",
            dependencies: [
                "PlannerCore",
                "ICUKit", "PlannerIO", "Locales", "Festivals", "Allocation", "Messages", "Segments", "Planner", "Export",
                "Comparison", "Results", "Audience", "Review", "Workspace", "PostgresAccess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "PlannerCoreTests", dependencies: ["PlannerCore"], swiftSettings: strictSettings),
        .testTarget(name: "ICUKitTests", dependencies: ["PlannerCore", "ICUKit"], swiftSettings: strictSettings),
        .testTarget(name: "PlannerIOTests", dependencies: ["PlannerCore", "PlannerIO"], swiftSettings: strictSettings),
        .testTarget(
            name: "LocalesTests",
            dependencies: ["PlannerCore", "PlannerIO", "Locales", "ICUKit"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SegmentsTests",
            dependencies: ["PlannerCore", "Segments", "Locales", "ICUKit", "PlannerIO"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MessagesTests",
            dependencies: ["PlannerCore", "Messages", "Locales", "ICUKit", "PlannerIO"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "AllocationTests", dependencies: ["PlannerCore", "Allocation"], swiftSettings: strictSettings),
        .testTarget(
            name: "ResultsTests", dependencies: ["PlannerCore", "PlannerIO", "Planner", "Results", "PlanTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ReviewTests",
            dependencies: ["PlannerCore", "Review", "Segments", "Locales", "Export", "WorkbookTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PlannerTests", dependencies: ["PlannerCore", "PlannerIO", "Planner", "PlanTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "ComparisonTests",
            dependencies: ["PlannerCore", "Comparison", "Export", "Planner", "PlannerIO", "ICUKit", "PlanTestSupport", "Segments"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AudienceTests",
            dependencies: ["PlannerCore", "PlannerIO", "Locales", "Segments", "Planner", "Audience", "Export"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ExportTests",
            dependencies: ["PlannerCore", "PlannerIO", "Export", "Planner", "Workbook", "WorkbookTestSupport", "PlanTestSupport"],
            swiftSettings: strictSettings
        ),
        // Hand-made plan documents for the tests of plan readers (not shipped).
        .target(
            name: "PlanTestSupport", dependencies: ["PlannerCore", "Planner"], path: "Tests/PlanTestSupport", swiftSettings: strictSettings),
        // A throwaway PostgreSQL server for the tests (initdb and pg_ctl in a scratch folder; not shipped).
        .target(
            name: "PostgresTestSupport", dependencies: ["PlannerCore", "PlannerIO"], path: "Tests/PostgresTestSupport",
            swiftSettings: strictSettings),
        .testTarget(
            name: "PostgresAccessTests",
            dependencies: ["PlannerCore", "PlannerIO", "PostgresAccess", "PostgresTestSupport"],
            swiftSettings: strictSettings
        ),
        // Test support shared by test targets that open workbooks in LibreOffice (not shipped).
        .target(
            name: "WorkbookTestSupport",
            dependencies: ["PlannerCore", "PlannerIO", "Workbook"],
            path: "Tests/WorkbookTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WorkbookTests",
            dependencies: [
                "PlannerCore",
                "Workbook", "ICUKit", "PlannerIO", "WorkbookTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FestivalsTests",
            dependencies: ["PlannerCore", "Festivals", "Locales", "ICUKit", "PlannerIO"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WorkspaceTests",
            dependencies: [
                "PlannerCore", "PlannerIO", "ICUKit", "Workspace", "Results", "PlanTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "PlannerCore", "PlannerIO", "Locales", "campaign-planner", "WorkbookTestSupport", "PlanTestSupport", "Results", "Export",
                "PostgresTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
