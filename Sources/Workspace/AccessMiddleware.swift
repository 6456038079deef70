import Hummingbird

/// Refuses every request without the start-up access token when the workspace has one: the token
/// comes as `?token=` once (the start-up URL), then as the `cp_token` cookie the answer sets.
struct AccessMiddleware<Context: RequestContext>: RouterMiddleware {
    let secrets: WorkspaceSecrets
    let interface: InterfaceCatalog

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token = secrets.access else { return try await next(request, context) }
        let query = request.uri.queryParameters["token"].map(String.init)
        if WorkspaceSecrets.matches(query, token) {
            var response = try await next(request, context)
            response.setCookie(Cookie(name: "cp_token", value: token, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
        if WorkspaceSecrets.matches(request.cookies["cp_token"]?.value, token) { return try await next(request, context) }
        let ui = InterfaceText(interface, request: request)
        let body = "<p>\(HTML.escape(ui[.accessMessage]))</p>"
        return Pages.html(HTML.page(title: ui[.accessTitle], body: body, ui: ui), status: .forbidden)
    }
}
