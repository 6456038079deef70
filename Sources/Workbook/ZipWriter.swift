import Foundation
import ZIPFoundation

/// Builds the XLSX's ZIP container with ZIPFoundation, in memory, deterministically: entries in
/// the given order, each with the same modification time (1980-01-01 00:00:00, the DOS epoch,
/// which ZIPFoundation converts in UTC) and permissions, deflated by zlib at its default level.
/// ZIPFoundation writes no extended-timestamp or other extra fields for entries this small (only
/// ZIP64 fields past 4 GiB), so the bytes depend only on the parts (and on zlib's deflate, which
/// is the same for the same zlib).
enum ZipWriter {
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    static func archive(_ entries: [(path: String, bytes: [UInt8])]) throws(WorkbookError) -> [UInt8] {
        do {
            let archive = try Archive(accessMode: .create)
            for (path, bytes) in entries {
                let data = Data(bytes)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                    permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw WorkbookError.archive("the in-memory archive has no data") }
            return [UInt8](data)
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw .archive(String(describing: error))
        }
    }
}
