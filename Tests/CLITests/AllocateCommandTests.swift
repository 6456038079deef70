import Foundation
import Testing

@Suite("campaign-planner allocate")
struct AllocateCommandTests {
    func write(_ text: String, name: String = "cells.csv") throws -> String {
        let directory = NSTemporaryDirectory() + "allocate-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = "\(directory)/\(name)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("two equal cells split the budget evenly; λ = (a/s)·e^(−b/s) = 2·e^(−0.6) = 1.097623")
    func evenSplit() throws {
        let cells = try write("id,a,s,lo,hi\nb/sms,100,50,0,500\na/sms,100,50,0,500\n")
        let result = try CLI.run(["allocate", cells, "--budget", "60", "--format", "csv"])
        #expect(result.status == 0)
        // Input order kept; response = 100·(1 − e^−0.6) = 45.1188; marginal = 2·e^−0.6 = 1.097623.
        #expect(
            result.stdout
                == "id,budget,response,marginal,status\nb/sms,30.00,45.1188,1.097623,interior\na/sms,30.00,45.1188,1.097623,interior\n")
        #expect(result.stderr.contains("certificate: exactBudget"))
        #expect(result.stderr.contains("λ 1.097623"))
    }

    @Test("a cell capped at its upper bound; the rest goes where the marginal return is equal")
    func capped() throws {
        // Cell c is capped at 10; a and b share the remaining 50 equally (equal curves).
        let cells = try write("id,a,s,lo,hi\na,100,50,0,\nb,100,50,0,inf\nc,100,50,0,10\n")
        let result = try CLI.run(["allocate", cells, "--budget", "60", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"id\": \"c\",\n      \"budget\": 10.00"))
        #expect(result.stdout.contains("\"status\": \"atUpper\""))
        #expect(result.stdout.contains("\"certificate\": {"))
        #expect(result.stdout.contains("\"relative_gap\": 0"))
    }

    @Test(
        "malformed input names the line and field",
        arguments: [
            ("id,a,s,lo\nx,1,2,0\n", "required column 'hi' is missing"),
            ("id,a,s,lo,hi\nx,-1,2,0,5\n", "cells.csv:2: error: a:"),
            ("id,a,s,lo,hi\nx,1,2,6,5\n", "cells.csv:2: error: lo: lo (6.0) is above hi (5.0)"),
            ("id,a,s,lo,hi\nx,1,abc,0,5\n", "cells.csv:2: error: s: 'abc' is not a number"),
            (
                "id,a,s,lo,hi\n",
                "cells.csv:1: error: the file has a header but no cells: there is nothing to allocate. Hint: give one cell per row: id,a,s,lo,hi"
            ),
        ])
    func malformed(text: String, message: String) throws {
        let cells = try write(text)
        let result = try CLI.run(["allocate", cells, "--budget", "10"])
        #expect(result.status == 65 || result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("segment minimums above the budget: an error naming the segments")
    func infeasible() throws {
        let cells = try write("id,a,s,lo,hi,segment\nx,100,50,0,100,north\ny,100,50,0,100,south\n")
        let limits = try write("segment,min,max\nnorth,40,\nsouth,40,\n", name: "limits.csv")
        let result = try CLI.run(["allocate", cells, "--budget", "60", "--segment-limits", limits])
        #expect(result.status == 65)
        #expect(result.stderr.contains("north") && result.stderr.contains("south"))
    }
}
