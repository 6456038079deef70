import Foundation

/// The customers and the comparison the holdout-SQL tests share: the example export with its first
/// customer twice (the audience refuses both rows) and a row with a bad number, and the audience's
/// held-out customers as `customer_id,segment` pairs.
enum HoldoutFixture {
    /// Writes the customers into `folder`; returns the file and its header line.
    static func customers(in folder: String) throws -> (path: String, header: String) {
        let example = try String(contentsOfFile: CLI.packageRoot + "/examples/customers-festive-2026.csv", encoding: .utf8)
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
