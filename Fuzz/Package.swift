// swift-tools-version:6.0
// Fuzz: libFuzzer harnesses for the parsers that read user files (CSV, briefs, column mappings,
// message templates and ICU patterns). Build and run them with `scripts/fuzz [SECONDS]`; see
// Fuzz/README.md. Each harness is one file with `@_cdecl("LLVMFuzzerTestOneInput")` and an `@main`
// that hands it to libFuzzer's driver (SwiftPM renames an executable's `main`, so libFuzzer's own
// `main` cannot be used).
import PackageDescription

/// The root package's library products the harnesses use.
func root(_ name: String) -> Target.Dependency { .product(name: name, package: "campaign-planner") }

let package = Package(
    name: "Fuzz",
    dependencies: [.package(name: "campaign-planner", path: "..")],
    targets: [
        // The declaration of LLVMFuzzerRunDriver (defined by the sanitizer runtime).
        .target(name: "CFuzzDriver"),
        // The repository root, the shared locale catalog, scratch files, the libFuzzer driver.
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver", root("Locales")]),
        .executableTarget(
            name: "FuzzCSV",
            dependencies: ["FuzzSupport", root("PlannerIO"), root("Segments"), root("Locales"), root("ICUKit")]
        ),
        .executableTarget(name: "FuzzBrief", dependencies: ["FuzzSupport", root("Planner"), root("PlannerIO")]),
        .executableTarget(name: "FuzzMapping", dependencies: ["FuzzSupport", root("Segments"), root("PlannerIO")]),
        .executableTarget(
            name: "FuzzTemplate",
            dependencies: ["FuzzSupport", root("Messages"), root("Locales"), root("ICUKit"), root("PlannerIO")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
