import ArgumentParser
import Workspace

#if canImport(Glibc)
    import Glibc
#endif

/// `campaign-planner serve`: the web workspace (briefs, plans, comparisons in a browser) over the same library.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Open the web workspace: write briefs, make and review plans, compare them, in a browser.",
        discussion: """
            Listens on 127.0.0.1 unless --host says otherwise; on any other address every request needs the access token
            printed at start-up (open the printed address once). Briefs, customer files and plans live in --workspace.
            """
    )

    @Option(help: "The port to listen on (0: any free port, printed at start-up).") var port = 8080
    @Option(help: "The address to listen on (anything but 127.0.0.1 requires the printed access token).") var host = "127.0.0.1"
    @Option(help: "The workspace folder: briefs, customer files and plans (created when missing).") var workspace = "workspace"
    @Option(name: .customLong("upload-limit-mb"), help: "The largest customer file accepted, in MiB.") var uploadLimitMB = 256
    @OptionGroup var data: DataOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard uploadLimitMB > 0 else { throw ValidationError("--upload-limit-mb must be positive") }
    }

    func run() throws {
        let server = try WorkspaceServer(
            .init(host: host, port: port, dataRoot: try data.root(), workspace: workspace, uploadLimit: uploadLimitMB << 20))
        try server.runUntilStopped { address in
            print("campaign-planner workspace: open \(address)")
            fflush(nil)
        }
    }
}
