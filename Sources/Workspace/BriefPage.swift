import ICUKit
import Planner
import PlannerCore
import PlannerIO
import Segments

#if canImport(Glibc)
    import Glibc
#endif

/// The brief form as HTML: every field with its label, the loader's error next to its field, the
/// customer columns chosen from the file's header (recognised names preselected).
enum BriefPage {
    static func render(
        form: BriefForm, saveAs: String, diagnostic: Diagnostic?, folder: WorkspaceFolder, secrets: WorkspaceSecrets, ui: InterfaceText,
        saved: String? = nil
    ) -> String {
        let errorField = BriefField.field(for: diagnostic?.field)
        var body = ""
        if let saved { body += "<p role=\"status\" class=\"ok\">\(HTML.escape(ui(.briefSaved, ["file": .string(saved)])))</p>" }
        if let diagnostic, errorField == nil { body += Pages.message(diagnostic, ui: ui) }
        let header = customerHeader(form.values["customers.file"], folder: folder)
        body += "<form method=\"post\" action=\"/brief\" novalidate>" + Pages.csrfInput(secrets)
        body += "<p><label for=\"pick\">\(HTML.escape(ui[.briefOpen]))</label> <select id=\"pick\" data-open-brief>"
        body += "<option value=\"\">—</option>"
        for name in folder.files(ending: ".yaml") {
            body += "<option value=\"\(HTML.escape(name))\"\(name == saveAs ? " selected" : "")>\(HTML.escape(name))</option>"
        }
        body += "</select></p>"
        var group = ""
        for field in BriefField.all {
            let section = sectionName(field, ui: ui)
            if section != group {
                if !group.isEmpty { body += "</fieldset>" }
                group = section
                body += "<fieldset><legend>\(HTML.escape(section))</legend>"
                if let channel = field.channel {
                    let checked = form.channels.contains(channel) ? " checked" : ""
                    body +=
                        "<p><input type=\"checkbox\" id=\"use.\(channel)\" name=\"use.\(channel)\" value=\"1\"\(checked)> <label for=\"use.\(channel)\">\(HTML.escape(ui(.briefUseChannel, ["channel": .string(channel)])))</label></p>"
                }
            }
            let value = form.values[field.key] ?? ""
            let id = "f-" + field.key
            let invalid = errorField == field
            let describedBy = invalid ? " aria-invalid=\"true\" aria-describedby=\"\(HTML.escape(id))-error\"" : ""
            body +=
                "<p class=\"field\"><label for=\"\(HTML.escape(id))\">\(HTML.escape(ui.label(field)))\(field.required ? " *" : "")</label> "
            if field.key.hasPrefix("customers.columns."), let header {
                let canonical = String(field.key.dropFirst("customers.columns.".count))
                let recognised = CanonicalField(rawValue: canonical).flatMap { ColumnMapping.recognise(header: header)[$0] }
                let chosen = value.isEmpty ? recognised.map { header[$0] } ?? "" : value
                body +=
                    "<select id=\"\(HTML.escape(id))\" name=\"\(HTML.escape(field.key))\"\(describedBy)><option value=\"\">\(HTML.escape(ui[.briefNotInFile]))</option>"
                for column in header {
                    body += "<option value=\"\(HTML.escape(column))\"\(column == chosen ? " selected" : "")>\(HTML.escape(column))</option>"
                }
                body += "</select>"
            } else if field.key == "customers.file" {
                body += "<select id=\"\(HTML.escape(id))\" name=\"customers.file\"\(describedBy)><option value=\"\">—</option>"
                var files = folder.files(ending: ".csv")
                if !value.isEmpty, !files.contains(value) { files.insert(value, at: 0) }
                for name in files {
                    body += "<option value=\"\(HTML.escape(name))\"\(name == value ? " selected" : "")>\(HTML.escape(name))</option>"
                }
                body += "</select>"
            } else if field.kind == .mapping {
                body +=
                    "<textarea id=\"\(HTML.escape(id))\" name=\"\(HTML.escape(field.key))\" rows=\"3\"\(describedBy)>\(HTML.escape(value))</textarea>"
            } else {
                let type = field.kind == .date ? "date" : "text"
                let mode = field.kind == .number ? " inputmode=\"decimal\"" : ""
                body +=
                    "<input id=\"\(HTML.escape(id))\" name=\"\(HTML.escape(field.key))\" type=\"\(type)\"\(mode) value=\"\(HTML.escape(value))\"\(describedBy)>"
            }
            if invalid, let diagnostic {
                body +=
                    " <span class=\"error\" id=\"\(HTML.escape(id))-error\" role=\"alert\"\(ui.englishAttribute)>\(HTML.escape(Pages.text(of: diagnostic)))</span>"
            }
            body += "</p>"
        }
        body += "</fieldset>"
        body += """
            <p><label for="save_as">\(HTML.escape(ui[.briefSaveAs]))</label> <input id="save_as" name="save_as" type="text" value="\(HTML.escape(saveAs))"></p>
            <p><button type="submit" name="action" value="check">\(HTML.escape(ui[.briefCheck]))</button>
            <button type="submit" name="action" value="save">\(HTML.escape(ui[.briefSave]))</button>
            <button type="submit" name="action" value="plan">\(HTML.escape(ui[.briefPlan]))</button></p>
            </form>
            """
        return HTML.page(title: ui[.briefTitle], body: body, ui: ui)
    }

    /// The header of the customer file `name` in the workspace (its first record), or nil.
    static func customerHeader(_ name: String?, folder: WorkspaceFolder) -> [String]? {
        guard let name, !name.isEmpty, let path = try? folder.path(name), let bytes = firstBytes(of: path, count: 1 << 16) else {
            return nil
        }
        var tokenizer = CSVTokenizer(bytes: bytes)
        guard case .fields(_, let values, _)? = tokenizer.next() else { return nil }
        return values.map { String(decoding: $0, as: UTF8.self).trimmingASCIISpaces() }
    }

    /// Up to `count` bytes from the start of the file at `path` (enough for a header), or nil.
    static func firstBytes(of path: String, count: Int) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes = [UInt8](repeating: 0, count: count)
        let n = fread(&bytes, 1, count, file)
        return Array(bytes[0..<n])
    }

    /// The fieldset a field is shown in, in the interface's language.
    static func sectionName(_ field: BriefField, ui: InterfaceText) -> String {
        if let channel = field.channel { return ui(.sectionChannel, ["channel": .string(channel)]) }
        switch field.key.split(separator: ".").first ?? "" {
        case "customers": return ui[.sectionCustomers]
        case "segmentation": return ui[.sectionSegmentation]
        case "festivals", "priority", "frequency_cap", "templates", "arguments", "holdout", "calibration": return ui[.sectionFestivals]
        default: return ui[.sectionCampaign]
        }
    }
}
