import PlannerCore

#if canImport(Glibc)
    import Glibc
#endif

/// Lists a directory's entries, sorted, so loaders are deterministic whatever the file system's order.
public enum DirectoryListing {
    /// The names of regular files in `directory` (not hidden ones), sorted by byte order.
    public static func files(in directory: String) throws(Diagnostic) -> [String] {
        try files(in: directory, hidden: false)
    }

    /// The names of regular files in `directory`, hidden ones too when `hidden` (sorted).
    public static func files(in directory: String, hidden: Bool) throws(Diagnostic) -> [String] {
        guard let handle = opendir(directory) else {
            throw Diagnostic(.badRequest, path: directory, message: "cannot open the directory: \(String(cString: strerror(errno)))")
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard hidden || !name.hasPrefix(".") else { continue }
            var info = stat()
            if stat("\(directory)/\(name)", &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { names.append(name) }
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
