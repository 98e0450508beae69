using System.Text;

namespace Makimono.Import.Formats;

/// <summary>
/// A zip file to the reader for what it holds, whatever its extension says: word/document.xml makes a DOCX;
/// the mimetype application/epub+zip or META-INF/container.xml makes an EPUB; anything else is refused.
/// </summary>
internal static class ZipImport
{
    public static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".docx", ".epub" };

    public static ImportedWork Read(string source, string extension, byte[] bytes, long maxFileBytes)
    {
        var what = extension.ToLowerInvariant() switch
        {
            ".docx" => "DOCX",
            ".epub" => "EPUB",
            _ => "zip archive",
        };
        using var zip = SafeZip.Open(bytes, maxFileBytes, what);
        if (zip.Contains("word/document.xml"))
        {
            return DocxImport.Read(source, bytes, zip);
        }
        if (IsEpub(zip))
        {
            return EpubImport.Read(source, zip);
        }
        throw new ImportException(extension.ToLowerInvariant() switch
        {
            ".docx" => "The .docx has no word/document.xml, so it is a zip of something else, not a Word document. Open the story in Word or LibreOffice and save it as .docx.",
            ".epub" => "The .epub has neither the mimetype application/epub+zip nor META-INF/container.xml, so it is a zip of something else, not an EPUB. Export or download the EPUB again.",
            _ => "This is a zip archive with neither a Word document (word/document.xml) nor an EPUB (META-INF/container.xml) in it. Unzip it and import the stories inside.",
        });
    }

    private static bool IsEpub(SafeZip zip) =>
        zip.Contains("META-INF/container.xml")
        || (zip.Read("mimetype") is { Length: < 100 } mimetype && Encoding.ASCII.GetString(mimetype).Trim() == "application/epub+zip");
}
