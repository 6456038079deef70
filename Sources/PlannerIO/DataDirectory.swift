import PlannerCore

#if canImport(Glibc)
    import Glibc
#endif

/// Finds the project's data folders (`locales/`, `calendars/`, `templates/`).
///
/// In order: an explicit directory; the `CAMPAIGN_PLANNER_DATA` environment variable; the current
/// directory or one of its parents that holds `locales/`; the folders above the executable (for a
/// binary run from `.build/`). The first that holds `locales/languages.yaml` wins.
public enum DataDirectory {
    /// The data folder to use: `explicit` when given (it must hold `locales/languages.yaml`), else the first found as above.
    public static func locate(explicit: String?, executable: String = CommandLine.arguments.first ?? "") throws(Diagnostic) -> String {
        if let explicit {
            guard exists("\(explicit)/locales/languages.yaml") else {
                throw Diagnostic(
                    .badRequest, path: explicit, message: "no locales/languages.yaml in this data directory",
                    hint: "pass the folder that holds locales/, calendars/ and templates/")
            }
            return explicit
        }
        if let environment = getenv("CAMPAIGN_PLANNER_DATA").map({ String(cString: $0) }), exists("\(environment)/locales/languages.yaml") {
            return environment
        }
        var candidates: [String] = []
        var buffer = [CChar](repeating: 0, count: 4096)
        if getcwd(&buffer, buffer.count) != nil {
            candidates.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        if let real = realpath(executable, nil) {
            candidates.append(String(cString: real))
            free(real)
        }
        for start in candidates {
            var directory = start
            while !directory.isEmpty {
                if exists("\(directory)/locales/languages.yaml") { return directory }
                guard let slash = directory.lastIndex(of: "/") else { break }
                directory = String(directory[..<slash])
            }
        }
        throw Diagnostic(
            .badRequest, message: "cannot find the data folder (locales/languages.yaml)",
            hint: "run from the campaign-planner checkout, or pass \(OptionText.mention("data", "DIR")), or set CAMPAIGN_PLANNER_DATA")
    }

    static func exists(_ path: String) -> Bool { access(path, R_OK) == 0 }
}
