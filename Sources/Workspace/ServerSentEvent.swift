/// The text of one server-sent event (`event:` and `data:` lines, a blank line after).
enum ServerSentEvent {
    static func frame(event: String, data: String) -> String {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }
        return "event: \(event)\n" + lines.joined(separator: "\n") + "\n\n"
    }
}
