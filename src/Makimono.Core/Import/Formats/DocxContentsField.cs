using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Makimono.Import.Formats;

/// <summary>
/// Word's generated table of contents when its entries have no TOC style: the paragraphs from the one whose field
/// code starts "TOC" to the end of that field (its entries' own PAGEREF fields nest inside it), or the paragraphs
/// of a content control from the "Table of Contents" gallery. Fed one paragraph at a time, in order.
/// </summary>
internal sealed class DocxContentsField
{
    private int depth;

    public bool IsInside(W.Paragraph paragraph)
    {
        if (paragraph.Ancestors<SdtBlock>().Any(s => s.SdtProperties?.GetFirstChild<SdtContentDocPartObject>()?.GetFirstChild<DocPartGallery>()?.Val?.Value == "Table of Contents"))
        {
            return true;
        }
        var inside = depth > 0;
        if (paragraph.Descendants<SimpleField>().Any(f => IsContents(f.Instruction?.Value)))
        {
            return true;
        }
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case FieldChar { FieldCharType.Value: var type } when type == FieldCharValues.Begin && depth > 0:
                    depth++;
                    break;
                case FieldChar { FieldCharType.Value: var type } when type == FieldCharValues.End && depth > 0:
                    depth--;
                    break;
                case FieldCode code when depth == 0 && IsContents(code.Text):
                    depth = 1;
                    inside = true;
                    break;
            }
        }
        return inside;
    }

    private static bool IsContents(string? instruction) =>
        instruction is not null && instruction.TrimStart().StartsWith("TOC", StringComparison.Ordinal);
}
