import Testing
import Workspace

@Suite("Workspace HTML and paths")
struct HTMLTests {
    @Test("every character that could open markup or close an attribute is escaped; other text is kept as is")
    func escape() {
        #expect(HTML.escape("<script>alert('x' & \"y\")</script>") == "&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;")
        #expect(HTML.escape("দুর্গাপূজা ₹299") == "দুর্গাপূজা ₹299")
    }
}
