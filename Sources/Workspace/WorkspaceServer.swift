import Hummingbird
import PlannerCore

/// The web workspace: a local server over the same library as the command line. It binds to
/// 127.0.0.1 unless told otherwise, and then requires the access token it prints.
public struct WorkspaceServer: Sendable {
    /// Where the server listens and what it serves.
    public struct Configuration: Sendable {
        /// The address to bind (`127.0.0.1` by default; anything else requires the access token).
        public var host: String
        /// The port (0: any free one).
        public var port: Int
        /// The folder holding `locales/`, `calendars/` and `templates/`.
        public var dataRoot: String
        /// The workspace folder (briefs, customer files, plans).
        public var workspace: String
        /// The largest upload accepted, in bytes.
        public var uploadLimit: Int

        /// A configuration; uploads up to 256 MiB by default.
        public init(host: String = "127.0.0.1", port: Int = 8080, dataRoot: String, workspace: String, uploadLimit: Int = 256 << 20) {
            self.host = host
            self.port = port
            self.dataRoot = dataRoot
            self.workspace = workspace
            self.uploadLimit = uploadLimit
        }

        /// Whether `host` is the loopback address, where no access token is needed.
        public var isLoopback: Bool { host == "127.0.0.1" || host == "localhost" || host == "::1" }
    }

    /// What the server listens with.
    public let configuration: Configuration
    /// Its secrets (CSRF and, off the loopback, the access token).
    public let secrets: WorkspaceSecrets
    /// Its workspace folder.
    public let folder: WorkspaceFolder
    /// The interface's words in every language offered (`locales/workspace.yaml` of the data folder).
    public let interface: InterfaceCatalog

    /// A server for `configuration`, with fresh secrets unless given.
    public init(_ configuration: Configuration, secrets: WorkspaceSecrets? = nil) throws(Diagnostic) {
        self.configuration = configuration
        self.secrets = secrets ?? WorkspaceSecrets(requireAccess: !configuration.isLoopback)
        self.folder = try WorkspaceFolder(path: configuration.workspace)
        self.interface = try InterfaceCatalog(path: "\(configuration.dataRoot)/locales/workspace.yaml", required: Self.interfaceKeys)
    }

    /// Every interface message the pages show: the catalogue must have each in every language.
    static var interfaceKeys: Set<String> { Set(InterfaceKey.allCases.map(\.rawValue) + BriefField.all.map(\.labelKey)) }

    /// The address to open in a browser (with the access token when one is needed), for `port`.
    public func address(port: Int) -> String {
        let base = "http://\(configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host):\(port)/"
        return secrets.access.map { "\(base)?token=\($0)" } ?? base
    }

    /// The router with every route (also what the request tests drive).
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: AccessMiddleware(secrets: secrets, interface: interface))
        let routes = WorkspaceRoutes(server: self)
        routes.register(on: router)
        return router
    }

    /// The Hummingbird application; `onServerRunning` is called once it listens, with the port it
    /// listens on (the one the system chose when the configuration's port is 0).
    public func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let configured = configuration.port
        return Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configured), serverName: "campaign-planner"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configured) }
        )
    }
}
