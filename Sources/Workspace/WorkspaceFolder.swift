import Planner
import PlannerCore
import PlannerIO

#if canImport(Glibc)
    import Glibc
#endif

/// The folder a workspace serves: briefs and customer files at its top, plans in `plans/NAME/`.
/// Every path a request names is relative to it and never leaves it: `..`, absolute paths and
/// symbolic links that point outside are refused.
public struct WorkspaceFolder: Sendable {
    /// The folder, as its real path (symbolic links resolved).
    public let root: String

    /// The workspace at `path`, created when missing.
    public init(path: String) throws(Diagnostic) {
        try Directory.create(path)
        guard let real = Self.realPath(path) else {
            throw Diagnostic(.badRequest, path: path, message: "the workspace folder cannot be opened")
        }
        root = real
    }

    /// The absolute path of `relative` inside the workspace, or a `.badRequest` diagnostic when it
    /// is empty, absolute, has a `..` or `.` step, a NUL or backslash, or resolves (through a
    /// symbolic link) outside the workspace. The file need not exist; its folder must be inside.
    public func path(_ relative: String) throws(Diagnostic) -> String {
        func refuse(_ why: String) -> Diagnostic {
            Diagnostic(
                .badRequest, field: "path", message: "'\(relative)' \(why)", hint: "name a file inside the workspace, e.g. brief.yaml")
        }
        guard !relative.isEmpty else { throw refuse("is empty") }
        guard !relative.hasPrefix("/") else { throw refuse("is an absolute path") }
        guard !relative.contains("\0"), !relative.contains("\\") else { throw refuse("has a character paths may not have") }
        let steps = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !steps.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else { throw refuse("leaves the workspace") }
        let joined = root + "/" + relative
        // The deepest existing ancestor decides where the path really is.
        var probe = joined
        while Self.realPath(probe) == nil, let slash = probe.lastIndex(of: "/") { probe = String(probe[..<slash]) }
        guard let real = Self.realPath(probe), real == root || real.hasPrefix(root + "/") else { throw refuse("leaves the workspace") }
        if probe == joined, real != joined {
            // A symbolic link inside the workspace to another file inside it: serve the real file.
            return real
        }
        return joined
    }

    /// Refuses a brief of this workspace that names a file outside it (its customer export, cube or
    /// calibration, all relative to the brief): the diagnostic names the brief's field, so the form
    /// shows it beside that field.
    public func confine(_ brief: Brief) throws(Diagnostic) {
        let files = [
            ("customers.file", brief.customers.file), ("customers.cube", brief.customers.cube ?? ""),
            ("calibration", brief.calibration ?? ""),
        ]
        for (field, file) in files where !file.isEmpty {
            do throws(Diagnostic) {
                _ = try path(file)
            } catch {
                throw Diagnostic(.badRequest, field: field, message: error.message, hint: "name a file in the workspace folder")
            }
        }
    }

    /// The files directly in `folder` (relative to the workspace) ending in `suffix`, sorted by name.
    public func files(in folder: String = "", ending suffix: String) -> [String] {
        let directory = folder.isEmpty ? root : "\(root)/\(folder)"
        return ((try? DirectoryListing.files(in: directory)) ?? []).filter { $0.hasSuffix(suffix) }
    }

    /// The plans made in this workspace: the names of the folders in `plans/` holding a plan.json.
    public var plans: [String] {
        Self.folders(in: "\(root)/plans").filter { access("\(root)/plans/\($0)/plan.json", F_OK) == 0 }
    }

    /// The plans whose results `campaign-planner results` has measured into `plans/NAME/results/`.
    public var measuredPlans: [String] {
        plans.filter { access("\(root)/plans/\($0)/results/results.json", F_OK) == 0 }
    }

    /// The names of the folders in `directory` (not hidden ones), sorted; none when it cannot be read.
    static func folders(in directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
            guard !name.hasPrefix("."), let folder = opendir("\(directory)/\(name)") else { continue }
            closedir(folder)
            names.append(name)
        }
        return names.sorted()
    }

    /// The real path of `path` (symbolic links resolved), or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
