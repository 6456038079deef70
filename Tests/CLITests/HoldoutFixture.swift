import Foundation

/// The customers and the comparison the holdout-SQL tests share: the example export with its first
/// customer twice (the audience refuses both rows) and a row with a bad number, and the audience's
/// held-out customers as `customer_id,segment` pairs.
enum HoldoutFixture {
    /// Writes the customers into `folder`; returns the file and its header line. With `devices`,
    /// a `device_os` column is added, spelled as exports do (`Android`, `iPhone`, `web`, empty).
    static func customers(in folder: String, devices: Bool = false) throws -> (path: String, header: String) {
        var example = try String(contentsOfFile: CLI.packageRoot + "/examples/customers-festive-2026.csv", encoding: .utf8)
        if devices {
            let spellings = [",device_os", ",Android", ",iPhone", ", web ", ",", ",android", ",Symbian"]
            example =
                example.split(separator: "\n").enumerated().map { i, line in
                    line + spellings[i == 0 ? 0 : 1 + i % (spellings.count - 1)]
                }.joined(separator: "\n") + "\n"
        }
        let lines = example.split(separator: "\n")
        let path = folder + "/customers.csv"
        try
            (example + lines[1] + "\n"
            + lines[2].replacingOccurrences(of: "C000000002,", with: "C999999999,").replacingOccurrences(of: "2487.82", with: "24x")
            + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return (path, String(lines[0]))
    }

    /// The `customer_id,segment` pairs of `holdout.csv` in the audience folder `audience`.
    static func heldOut(_ audience: String) throws -> Set<String> {
        let holdout = try String(contentsOfFile: audience + "/holdout.csv", encoding: .utf8)
        return Set(
            holdout.split(separator: "\n").dropFirst().map {
                $0.split(separator: ",", omittingEmptySubsequences: false).prefix(2).joined(separator: ",")
            })
    }

    /// Whether a row of the SQL's output is of a customer the fixture duplicated or spoiled.
    static func isSpoiled(_ row: [String]) -> Bool { row.first == "C000000001" || row.first == "C999999999" }
}
