using System.IO.Compression;
using System.Text;

namespace PlacementBroker.Core.Sharing;

/// <summary>A type of file a referral may carry, as recognised from its bytes.</summary>
public sealed record DocumentType(string ContentType, string Extension, string Description);

/// <summary>
/// What a file is, judged by its content and never by its name or the type the browser claimed: PDF, Word (.docx
/// without macros, or the older .doc) and images (PNG, JPEG, GIF, WebP, TIFF, HEIC). Anything else, an executable
/// renamed to .pdf included, is not accepted.
/// </summary>
public static class DocumentContent
{
    public const long MaxBytes = 20L * 1024 * 1024;
    public const int MaxFileNameLength = 120;

    public static readonly DocumentType Pdf = new("application/pdf", ".pdf", "PDF");
    public static readonly DocumentType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "Word document");
    public static readonly DocumentType Doc = new("application/msword", ".doc", "Word document");
    public static readonly DocumentType Png = new("image/png", ".png", "PNG image");
    public static readonly DocumentType Jpeg = new("image/jpeg", ".jpg", "JPEG image");
    public static readonly DocumentType Gif = new("image/gif", ".gif", "GIF image");
    public static readonly DocumentType Webp = new("image/webp", ".webp", "WebP image");
    public static readonly DocumentType Tiff = new("image/tiff", ".tif", "TIFF image");
    public static readonly DocumentType Heic = new("image/heic", ".heic", "HEIC image");

    /// <summary>What the upload form's file picker suggests; the content decides.</summary>
    public const string Accept = ".pdf,.doc,.docx,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff,.heic,application/pdf,application/msword,"
        + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/*";

    public const string Allowed = "a PDF, a Word document or an image (PNG, JPEG, GIF, WebP, TIFF or HEIC)";

    /// <summary>The type the bytes are, or null when they are none of the accepted kinds.</summary>
    public static DocumentType? Recognise(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }
        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8))
        {
            return Gif;
        }
        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return Webp;
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[(byte)'I', (byte)'I', 42, 0]) || content.StartsWith((ReadOnlySpan<byte>)[(byte)'M', (byte)'M', 0, 42]))
        {
            return Tiff;
        }
        if (content.Length >= 12 && content[4..8].SequenceEqual("ftyp"u8)
            && (content[8..12].SequenceEqual("heic"u8) || content[8..12].SequenceEqual("heix"u8) || content[8..12].SequenceEqual("mif1"u8)))
        {
            return Heic;
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            // An OLE compound file is also an installer (.msi), a spreadsheet or a mail item: only one holding a Word
            // document stream is a Word document.
            // A document carrying macros (its VBA project's _VBA_PROJECT stream) is refused, as a .docm is.
            return content.IndexOf(Encoding.Unicode.GetBytes("WordDocument")) >= 0 && content.IndexOf(Encoding.Unicode.GetBytes("_VBA_PROJECT")) < 0
                ? Doc : null;
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[(byte)'P', (byte)'K', 3, 4]))
        {
            return IsWordDocument(content) ? Docx : null;
        }
        return null;
    }

    /// <summary>
    /// A .docx: a zip with Word's main part and content types, and no macros (.docm is refused). Part names are compared
    /// as Word compares them (ignoring case); a zip of very many parts, or a content-types part larger than any Word
    /// writes, is refused unread (a zip bomb).
    /// </summary>
    private static bool IsWordDocument(ReadOnlySpan<byte> content)
    {
        const int MaxEntries = 10_000;
        const long MaxContentTypesBytes = 1024 * 1024;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
            {
                return false;
            }
            ZipArchiveEntry? Part(string name) => zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));
            if (Part("[Content_Types].xml") is not { } types || Part("word/document.xml") is null || Part("word/vbaProject.bin") is not null
                || types.Length > MaxContentTypesBytes)
            {
                return false;
            }
            using var reader = new StreamReader(types.Open());
            var buffer = new char[MaxContentTypesBytes];
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            return !buffer.AsSpan(0, read).Contains("macroEnabled", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// The name a file is stored and served under: no folders, no control or reserved characters, at most
    /// <see cref="MaxFileNameLength"/> characters, ending in the extension of what it really is.
    /// </summary>
    public static string SafeFileName(string? uploaded, DocumentType type, string fallback)
    {
        var name = (uploaded ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var stem = Path.GetFileNameWithoutExtension(name);
        var cleaned = new StringBuilder();
        foreach (var c in stem.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '(' or ')' or '.' or ',' or '&' or '\'')
            {
                cleaned.Append(c);
            }
            else if (!char.IsControl(c) && cleaned.Length > 0 && cleaned[^1] != '_')
            {
                cleaned.Append('_');
            }
        }
        var safe = string.Join(' ', cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ', '_');
        if (safe.Length == 0)
        {
            safe = fallback;
        }
        var room = MaxFileNameLength - type.Extension.Length;
        if (safe.Length > room)
        {
            safe = safe[..room].TrimEnd('.', ' ', '_');
        }
        return safe + type.Extension;
    }
}
