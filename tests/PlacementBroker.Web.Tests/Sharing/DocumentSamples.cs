using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace PlacementBroker.Web.Tests.Sharing;

/// <summary>Small real files of each kind, and things that only pretend to be one.</summary>
public static class DocumentSamples
{
    public static byte[] Pdf(string text = "Risk assessment") => Encoding.ASCII.GetBytes(
        $"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text} {Guid.NewGuid()}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    /// <summary>A Windows executable: what a renamed "care-plan.pdf" might really be.</summary>
    public static byte[] Executable() => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, .. Encoding.ASCII.GetBytes("This program cannot be run in DOS mode")];

    public static byte[] Docx(bool macros = false) => Zip(new Dictionary<string, string>
    {
        ["[Content_Types].xml"] = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + (macros ? "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/>" : "")
            + "</Types>",
        ["word/document.xml"] = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>",
        [macros ? "word/vbaProject.bin" : "docProps/app.xml"] = "x",
    });

    /// <summary>An older Word (.doc) file: an OLE compound file holding a WordDocument stream, with or without a VBA project.</summary>
    public static byte[] Doc(bool macros = false) =>
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. Encoding.Unicode.GetBytes("Root Entry"), 0, 0,
            .. Encoding.Unicode.GetBytes("WordDocument"), .. (macros ? Encoding.Unicode.GetBytes("Macros_VBA_PROJECT") : [])];

    /// <summary>A .docx whose part names are in another case than Word writes them.</summary>
    public static byte[] DocxOtherCase() => Zip(new Dictionary<string, string>
    {
        ["[content_types].xml"] = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"></Types>",
        ["word/document.xml"] = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>",
    });

    /// <summary>A zip that is not a Word document.</summary>
    public static byte[] PlainZip() => Zip(new Dictionary<string, string> { ["payload.js"] = "alert(1)" });

    private static byte[] Zip(Dictionary<string, string> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The upload form as a browser or a back-office client sends it.</summary>
    public static MultipartFormDataContent Form(byte[] content, string fileName, string? kind = "RiskAssessment", string? shareAt = "Shortlisted",
        string? note = null, string claimedType = "application/pdf")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(claimedType);
        form.Add(file, "file", fileName);
        if (kind is not null)
        {
            form.Add(new StringContent(kind), "kind");
        }
        if (shareAt is not null)
        {
            form.Add(new StringContent(shareAt), "shareAt");
        }
        if (note is not null)
        {
            form.Add(new StringContent(note), "note");
        }
        return form;
    }
}
