using System.Buffers;
using System.Text;

namespace Makimono.Import.Html;

internal enum HtmlToken { Text, StartTag, EndTag, Comment, Doctype, End }

/// <summary>
/// The HTML5 tokenizer for the markup stories are written in, for <see cref="FastHtml"/>: text with character
/// references, tags with quoted or bare attributes, comments and a doctype. Anything it cannot read exactly
/// as the standard tokenizer would (a reference without its ';', a bogus comment, CDATA, a NUL, markup the
/// standard calls an error with a subtle recovery) throws <see cref="FastHtmlDeclined"/>.
/// </summary>
internal sealed class HtmlStream(string html)
{
    private static readonly SearchValues<char> TextEnds = SearchValues.Create("<&");
    private static readonly SearchValues<char> QuotedEnds = SearchValues.Create("\"'&<>");
    private static readonly SearchValues<char> TagEnds = SearchValues.Create("\t\n\f\r />");
    private static readonly SearchValues<char> BareValueEnds = SearchValues.Create("\t\n\f\r >\"'<=`&");
    private static readonly SearchValues<char> AttributeNameEnds = SearchValues.Create("\t\n\f\r />=\"'<");

    /// <summary>C0 and C1 controls other than the whitespace ones, which the standard reports and browsers differ on.</summary>
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F");

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownNames =
        new[]
        {
            "html", "head", "body", "title", "meta", "link", "style", "script", "p", "div", "span", "br", "hr", "i", "b", "em",
            "strong", "u", "s", "a", "h1", "h2", "h3", "h4", "h5", "h6", "center", "blockquote", "section", "font", "sup", "sub",
            "small", "img", "o:p", "article", "header", "footer", "main", "nav", "aside", "strike", "big", "code", "tt", "cite",
        }.ToDictionary(n => n).GetAlternateLookup<ReadOnlySpan<char>>();

    private int position;

    public string Name { get; private set; } = string.Empty;

    /// <summary>The text, comment or doctype; for a start tag, empty.</summary>
    public string Data { get; private set; } = string.Empty;

    /// <summary>The start tag's attributes in source order, or null when it has none.</summary>
    public List<KeyValuePair<string, string>>? Attributes { get; private set; }

    public bool SelfClosing { get; private set; }

    public static void CheckCharacters(string html)
    {
        if (html.AsSpan().IndexOfAny(Controls) >= 0)
        {
            throw new FastHtmlDeclined("a control character");
        }
    }

    public HtmlToken Next()
    {
        if (position >= html.Length)
        {
            return HtmlToken.End;
        }
        if (html[position] == '<' && StartsMarkup(position))
        {
            return ReadMarkup();
        }
        Data = ReadText();
        return HtmlToken.Text;
    }

    /// <summary>Skips a style or script element's content, which is not markup, up to and past its end tag.</summary>
    public void SkipRawText(string name)
    {
        var end = FindEndTag(name);
        if (name == "script" && html.AsSpan(position, end - position).Contains("<!--", StringComparison.Ordinal))
        {
            throw new FastHtmlDeclined("a comment inside a script");
        }
        position = end + name.Length + 3;
    }

    /// <summary>A title's content: text with character references, in which '&lt;' is only a character.</summary>
    public string ReadTitle()
    {
        var end = FindEndTag("title");
        var text = Decode(position, end);
        position = end + "</title>".Length;
        return text;
    }

    private int FindEndTag(string name)
    {
        for (var i = html.IndexOf("</", position, StringComparison.Ordinal); i >= 0; i = html.IndexOf("</", i + 2, StringComparison.Ordinal))
        {
            if (string.Compare(html, i + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                continue;
            }
            var after = i + 2 + name.Length;
            if (after < html.Length && html[after] == '>')
            {
                return i;
            }
            if (after >= html.Length || TagEnds.Contains(html[after]))
            {
                throw new FastHtmlDeclined($"an unusual </{name}> tag");
            }
        }
        throw new FastHtmlDeclined($"<{name}> without its end tag");
    }

    private bool StartsMarkup(int at) =>
        at + 1 < html.Length && (char.IsAsciiLetter(html[at + 1]) || html[at + 1] is '/' or '!' or '?');

    private string ReadText()
    {
        var start = position;
        StringBuilder? decoded = null;
        var runStart = start;
        var i = start;
        while (true)
        {
            var next = html.AsSpan(i).IndexOfAny(TextEnds);
            if (next < 0)
            {
                i = html.Length;
                break;
            }
            i += next;
            if (html[i] == '<')
            {
                if (StartsMarkup(i))
                {
                    break;
                }
                i++;
                continue;
            }
            var (value, length) = CharacterReference(i);
            if (value is null)
            {
                i++;
                continue;
            }
            decoded ??= new StringBuilder();
            decoded.Append(html, runStart, i - runStart).Append(value);
            i += length;
            runStart = i;
        }
        position = i;
        if (decoded is null && i - start == 1 && html[start] == '\n')
        {
            // The newline between two blocks, thousands of times over.
            return "\n";
        }
        var text = decoded is null ? html.Substring(start, i - start) : decoded.Append(html, runStart, i - runStart).ToString();
        return Newlines(text);
    }

    /// <summary>Text between two positions with its references decoded, for a title or an attribute value.</summary>
    private string Decode(int start, int end)
    {
        var amp = html.IndexOf('&', start, end - start);
        if (amp < 0)
        {
            return Newlines(html.Substring(start, end - start));
        }
        var decoded = new StringBuilder();
        var runStart = start;
        for (var i = amp; i >= 0 && i < end; i = html.IndexOf('&', i, end - i))
        {
            var (value, length) = CharacterReference(i);
            if (value is null)
            {
                i++;
                continue;
            }
            decoded.Append(html, runStart, i - runStart).Append(value);
            i += length;
            runStart = i;
            if (i > end)
            {
                throw new FastHtmlDeclined("a character reference across the end of a value");
            }
        }
        return Newlines(decoded.Append(html, runStart, end - runStart).ToString());
    }

    /// <summary>
    /// The character a reference at <paramref name="at"/> stands for and the reference's length; null when the
    /// '&amp;' is only an ampersand. A reference without its closing ';' is declined: what it means depends on
    /// the legacy names and on where it is.
    /// </summary>
    private (string? Value, int Length) CharacterReference(int at)
    {
        var i = at + 1;
        if (i >= html.Length)
        {
            return (null, 0);
        }
        if (char.IsAsciiLetterOrDigit(html[i]))
        {
            while (i < html.Length && char.IsAsciiLetterOrDigit(html[i]))
            {
                i++;
            }
            if (i < html.Length && html[i] == ';'
                && AngleSharp.Html.HtmlEntityProvider.Resolver.GetSymbol(html.Substring(at + 1, i - at)) is { Length: > 0 } symbol)
            {
                return (symbol, i + 1 - at);
            }
            throw new FastHtmlDeclined("an unknown or unterminated character reference");
        }
        if (html[i] != '#')
        {
            return (null, 0);
        }
        i++;
        var hex = i < html.Length && html[i] is 'x' or 'X';
        if (hex)
        {
            i++;
        }
        var digits = i;
        var code = 0;
        while (i < html.Length && i - digits < 7 && (hex ? char.IsAsciiHexDigit(html[i]) : char.IsAsciiDigit(html[i])))
        {
            code = code * (hex ? 16 : 10) + Convert.ToInt32(html[i].ToString(), hex ? 16 : 10);
            i++;
        }
        if (i == digits || i >= html.Length || html[i] != ';' || !IsPlainCharacter(code))
        {
            throw new FastHtmlDeclined("a numeric character reference the standard repairs");
        }
        return (char.ConvertFromUtf32(code), i + 1 - at);
    }

    private static bool IsPlainCharacter(int code) =>
        code is '\t' or '\n' or '\f' or (>= 0x20 and < 0x7F) or (> 0x9F and < 0xD800) or (> 0xDFFF and <= 0x10FFFF)
        && code is not (>= 0xFDD0 and <= 0xFDEF) && (code & 0xFFFE) != 0xFFFE;

    /// <summary>The standard reads CR LF and a lone CR as LF before tokenizing.</summary>
    private static string Newlines(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;

    private HtmlToken ReadMarkup()
    {
        var next = html[position + 1];
        if (next == '!')
        {
            return ReadDeclaration();
        }
        if (next == '?')
        {
            throw new FastHtmlDeclined("a processing instruction");
        }
        var end = next == '/';
        var nameStart = position + (end ? 2 : 1);
        if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
        {
            throw new FastHtmlDeclined("a '</' that does not start an end tag");
        }
        var nameLength = html.AsSpan(nameStart).IndexOfAny(TagEnds);
        if (nameLength < 0)
        {
            throw new FastHtmlDeclined("a tag cut off by the end of the file");
        }
        Name = TagName(html.AsSpan(nameStart, nameLength));
        position = nameStart + nameLength;
        ReadAttributes();
        if (end && (Attributes is not null || SelfClosing))
        {
            throw new FastHtmlDeclined("an end tag with attributes");
        }
        Data = string.Empty;
        return end ? HtmlToken.EndTag : HtmlToken.StartTag;
    }

    private static string TagName(ReadOnlySpan<char> name)
    {
        if (name.ContainsAnyExceptInRange('!', '~'))
        {
            throw new FastHtmlDeclined("a tag name outside plain ASCII");
        }
        Span<char> lower = name.Length <= 32 ? stackalloc char[name.Length] : new char[name.Length];
        name.ToLowerInvariant(lower);
        return KnownNames.TryGetValue(lower, out var known) ? known : lower.ToString();
    }

    private void ReadAttributes()
    {
        Attributes = null;
        SelfClosing = false;
        while (true)
        {
            SkipWhitespace();
            if (position >= html.Length)
            {
                throw new FastHtmlDeclined("a tag cut off by the end of the file");
            }
            var c = html[position];
            if (c == '>')
            {
                position++;
                return;
            }
            if (c == '/')
            {
                if (position + 1 < html.Length && html[position + 1] == '>')
                {
                    SelfClosing = true;
                    position += 2;
                    return;
                }
                throw new FastHtmlDeclined("a stray '/' in a tag");
            }
            ReadAttribute();
        }
    }

    private void ReadAttribute()
    {
        var nameLength = html.AsSpan(position).IndexOfAny(AttributeNameEnds);
        if (nameLength <= 0 || html[position + nameLength] is '"' or '\'' or '<')
        {
            throw new FastHtmlDeclined("an attribute name the standard repairs");
        }
        var name = html.AsSpan(position, nameLength);
        if (name.ContainsAny(':', '\u007F') || name.ContainsAnyExceptInRange(' ', '~'))
        {
            throw new FastHtmlDeclined("an attribute name outside plain ASCII");
        }
        var attribute = name.ToString().ToLowerInvariant();
        position += nameLength;
        SkipWhitespace();
        var value = string.Empty;
        if (position < html.Length && html[position] == '=')
        {
            position++;
            SkipWhitespace();
            value = ReadAttributeValue();
        }
        Attributes ??= [];
        foreach (var existing in Attributes)
        {
            if (existing.Key == attribute)
            {
                throw new FastHtmlDeclined("a repeated attribute");
            }
        }
        if (value.AsSpan().ContainsAny('<', '>'))
        {
            // Serialised, a '<' in an attribute would read as the start of a tag when the line is split.
            throw new FastHtmlDeclined("an attribute value with '<' or '>'");
        }
        Attributes.Add(new(attribute, value));
    }

    private string ReadAttributeValue()
    {
        if (position >= html.Length)
        {
            throw new FastHtmlDeclined("a tag cut off by the end of the file");
        }
        var quote = html[position];
        if (quote is '"' or '\'')
        {
            var end = html.IndexOf(quote, position + 1);
            if (end < 0)
            {
                throw new FastHtmlDeclined("a tag cut off by the end of the file");
            }
            // A next attribute straight after the quote is read as if a space were there, as the standard does.
            var value = Decode(position + 1, end);
            position = end + 1;
            return value;
        }
        var length = html.AsSpan(position).IndexOfAny(BareValueEnds);
        if (length < 0)
        {
            throw new FastHtmlDeclined("a tag cut off by the end of the file");
        }
        if (length == 0 || html[position + length] is '"' or '\'' or '<' or '=' or '`' or '&')
        {
            throw new FastHtmlDeclined("an unquoted attribute value the standard repairs");
        }
        var bare = html.Substring(position, length);
        position += length;
        return bare;
    }

    private void SkipWhitespace()
    {
        while (position < html.Length && html[position] is ' ' or '\n' or '\t' or '\r' or '\f')
        {
            position++;
        }
    }

    private HtmlToken ReadDeclaration()
    {
        if (string.CompareOrdinal(html, position, "<!--", 0, 4) == 0)
        {
            var start = position + 4;
            if (start < html.Length && (html[start] == '>' || string.CompareOrdinal(html, start, "->", 0, 2) == 0))
            {
                throw new FastHtmlDeclined("an abruptly closed comment");
            }
            var end = html.IndexOf("-->", start, StringComparison.Ordinal);
            if (end < 0 || html.AsSpan(start, end - start).Contains("--!>", StringComparison.Ordinal))
            {
                throw new FastHtmlDeclined("a comment without a plain end");
            }
            Data = Newlines(html.Substring(start, end - start));
            position = end + 3;
            return HtmlToken.Comment;
        }
        if (string.Compare(html, position, "<!doctype", 0, 9, StringComparison.OrdinalIgnoreCase) == 0)
        {
            var end = html.IndexOf('>', position);
            if (end < 0)
            {
                throw new FastHtmlDeclined("a doctype cut off by the end of the file");
            }
            Data = html.Substring(position, end + 1 - position);
            position = end + 1;
            return HtmlToken.Doctype;
        }
        throw new FastHtmlDeclined("a '<!' that is neither a comment nor a doctype");
    }
}

/// <summary>The HTML uses something <see cref="FastHtml"/> does not read exactly as AngleSharp would; the reason says what.</summary>
internal sealed class FastHtmlDeclined(string reason) : Exception(reason);
