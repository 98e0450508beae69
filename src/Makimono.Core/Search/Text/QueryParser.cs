using System.Globalization;

namespace Makimono.Search.Text;

/// <summary>
/// Reads the archive's search syntax: words, <c>"phrases"</c>, <c>"near words"~5</c>, <c>prefix*</c>, AND, OR and NOT
/// (or a leading <c>-</c>) with parentheses, <c>field:value</c> (<c>fandom:"Naruto"</c>, <c>character:Kakashi</c>) and
/// number comparisons (<c>words&gt;1000</c>, <c>kudos&gt;=50</c>, <c>words:1000-5000</c>). Words side by side must all
/// match; AND binds tighter than OR, so <c>a -b OR c</c> is <c>(a AND NOT b) OR c</c>; NOT means "everything
/// without", also inside OR (<c>a OR NOT b</c>), which is where AO3's search goes wrong.
/// Our own grammar rather than Lucene's classic parser, whose OR NOT turns into AND NOT and whose errors name no fix.
/// A query that cannot be read throws <see cref="QueryTextException"/> with the position and a corrected query
/// that does parse; nothing is guessed silently.
/// </summary>
public static class QueryParser
{
    /// <summary>How deep parentheses and NOTs may nest; far more than a person writes, and few enough that the recursive reader never nears the end of its stack.</summary>
    public const int MaxNesting = 32;

    /// <summary>
    /// How many words, phrases and comparisons one query may hold: every word searches up to ten fields, and Lucene
    /// refuses a boolean query of more than 1,024 clauses.
    /// </summary>
    public const int MaxTerms = 64;

    private enum Kind { Word, Phrase, LParen, RParen, And, Or, Not, Field, Compare, End }

    private sealed record Token(Kind Kind, int Start, int End, string Text = "", int Slop = 0, bool Prefix = false);

    /// <summary>The query, or null when the text holds no query at all (empty or only spaces).</summary>
    public static QueryNode? Parse(string? text) => Parse(text, depth: 0);

    private static QueryNode? Parse(string? text, int depth)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            var tokens = Tokenize(text);
            var parser = new Reader(text, tokens);
            var node = parser.Or();
            parser.ExpectEnd();
            return node;
        }
        catch (QueryTextException error) when (depth == 0)
        {
            throw new QueryTextException(error.Message, error.Position, Repair(error.Suggestion));
        }
    }

    /// <summary>Applies further fixes until the suggestion parses, so a suggestion is always a query that runs.</summary>
    private static string Repair(string suggestion)
    {
        for (var i = 0; i < 20; i++)
        {
            try
            {
                Parse(suggestion, depth: 1);
                return suggestion;
            }
            catch (QueryTextException again)
            {
                suggestion = again.Suggestion;
            }
        }
        return string.Join(' ', suggestion.Split([' ', '(', ')', '"', '*', ':', '<', '>', '='], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("AND" or "OR" or "NOT")));
    }

    private static string Without(string text, int start, int end) => (text[..start].TrimEnd() + " " + text[end..].TrimStart()).Trim();

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '(')
            {
                tokens.Add(new Token(Kind.LParen, i, ++i));
            }
            else if (c == ')')
            {
                tokens.Add(new Token(Kind.RParen, i, ++i));
            }
            else if (c == '"')
            {
                tokens.Add(ReadPhrase(text, ref i, i));
            }
            else if (c == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && text[i + 1] != ')')
            {
                tokens.Add(new Token(Kind.Not, i, ++i));
            }
            else
            {
                tokens.Add(ReadWord(text, ref i));
            }
        }
        tokens.Add(new Token(Kind.End, text.Length, text.Length));
        return tokens;
    }

    private static Token ReadPhrase(string text, ref int i, int start)
    {
        var close = text.IndexOf('"', i + 1);
        if (close < 0)
        {
            throw new QueryTextException(
                $"The quotation mark at position {i + 1} is never closed.", i, text.TrimEnd() + "\"");
        }
        var phrase = text[(i + 1)..close];
        i = close + 1;
        var slop = 0;
        if (i < text.Length && text[i] == '~')
        {
            var digits = i + 1;
            while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            {
                digits++;
            }
            if (digits == i + 1 || !int.TryParse(text[(i + 1)..digits], CultureInfo.InvariantCulture, out slop) || slop > 100)
            {
                var end = digits;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('(' or ')' or '"'))
                {
                    end++;
                }
                throw new QueryTextException(
                    $"\"~\" after a phrase at position {i + 1} needs a distance in words from 0 to 100, such as ~5.", i,
                    text[..i] + "~5" + text[end..]);
            }
            i = digits;
        }
        if (!phrase.Any(char.IsLetterOrDigit))
        {
            throw new QueryTextException($"The quotation marks at position {start + 1} hold no words to search for.", start, Without(text, start, i));
        }
        return new Token(Kind.Phrase, start, i, phrase, slop);
    }

    private static Token ReadWord(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '"'))
        {
            // A field name ends at ':' or a comparison; what follows is read as the field's value.
            if (text[i] is ':' or '<' or '>' or '=' && i > start && IsName(text[start..i]))
            {
                return ReadField(text, ref i, start);
            }
            i++;
        }
        var word = text[start..i];
        switch (word)
        {
            case "AND" or "&&":
                return new Token(Kind.And, start, i);
            case "OR" or "||":
                return new Token(Kind.Or, start, i);
            case "NOT":
                return new Token(Kind.Not, start, i);
        }
        var prefix = word.EndsWith('*');
        var stem = word.TrimEnd('*');
        if (stem.Length == 0 || stem.Contains('*'))
        {
            throw new QueryTextException(
                $"\"{word}\" at position {start + 1}: * only ends a word, to find the words that start with it (kaka*).", start,
                stem.Length == 0 ? Without(text, start, i) : text[..start] + stem.Replace("*", "") + "*" + text[i..]);
        }
        if (!stem.Any(char.IsLetterOrDigit))
        {
            throw new QueryTextException(
                $"\"{word}\" at position {start + 1} has no letters or digits to search for.", start, Without(text, start, i));
        }
        return new Token(Kind.Word, start, i, stem, Prefix: prefix);
    }

    private static bool IsName(string s) => s.All(char.IsAsciiLetter);

    private static Token ReadField(string text, ref int i, int start)
    {
        var name = text[start..i];
        var op = text[i] == ':' ? ":" : "";
        if (op == ":")
        {
            i++;
        }
        var opStart = i;
        while (i < text.Length && text[i] is '<' or '>' or '=')
        {
            i++;
        }
        op += text[opStart..i];
        if (QueryFields.Numbers.ContainsKey(name))
        {
            var valueStart = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '"'))
            {
                i++;
            }
            return new Token(Kind.Compare, start, i, $"{name}\n{op}\n{text[valueStart..i]}");
        }
        if (!QueryFields.Text.ContainsKey(name))
        {
            var nearest = QueryFields.AllNames.MinBy(f => Distance(f, name.ToLowerInvariant()))!;
            var end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('(' or ')'))
            {
                end++;
            }
            var fix = Distance(nearest, name.ToLowerInvariant()) <= 2
                ? text[..start] + nearest + text[(start + name.Length)..]
                : text[..start] + "\"" + text[start..end].Replace("\"", "") + "\"" + text[end..];
            throw new QueryTextException(
                $"\"{name}\" at position {start + 1} is not a field. Fields: {string.Join(", ", QueryFields.AllNames.Distinct())}.",
                start, fix);
        }
        if (op != ":")
        {
            throw new QueryTextException($"{name} at position {start + 1} is text: write {name}:word or {name}:\"some words\".",
                start, text[..start] + name + ":" + text[i..]);
        }
        return new Token(Kind.Field, start, i, QueryFields.Text[name]);
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), Math.Min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.Length];
    }

    private sealed class Reader(string text, List<Token> tokens)
    {
        private int _next;
        private int _depth;
        private int _terms;
        private readonly Stack<Token> _open = new();

        /// <summary>Enters one more level of parentheses or NOT, refusing the level past <see cref="MaxNesting"/>.</summary>
        private void Nest(Token token)
        {
            if (++_depth > MaxNesting)
            {
                throw new QueryTextException(
                    $"The query is nested more than {MaxNesting} deep at position {token.Start + 1}: take out some parentheses or NOTs.",
                    token.Start, Flattened(text));
            }
        }

        /// <summary>The words without parentheses or NOTs, as a query that runs.</summary>
        private static string Flattened(string text) => string.Join(' ', text.Split([' ', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.TrimStart('-')).Where(w => w is not ("" or "NOT")));

        private Token Peek => tokens[_next];

        private Token Take() => tokens[_next++];

        private static bool StartsOperand(Kind kind) => kind is Kind.Word or Kind.Phrase or Kind.LParen or Kind.Not or Kind.Field or Kind.Compare;

        public void ExpectEnd()
        {
            if (Peek.Kind == Kind.RParen)
            {
                throw new QueryTextException($"The \")\" at position {Peek.Start + 1} closes no \"(\".", Peek.Start, Without(text, Peek.Start, Peek.End));
            }
            if (Peek.Kind != Kind.End)
            {
                throw Dangling(Peek);
            }
        }

        public QueryNode Or()
        {
            var children = new List<QueryNode> { And() };
            while (Peek.Kind == Kind.Or)
            {
                var or = Take();
                if (!StartsOperand(Peek.Kind))
                {
                    throw new QueryTextException($"OR at position {or.Start + 1} has nothing after it.", or.Start, Without(text, or.Start, or.End));
                }
                children.Add(And());
            }
            return children.Count == 1 ? children[0] : new OrNode(children);
        }

        private QueryNode And()
        {
            if (!StartsOperand(Peek.Kind))
            {
                throw Dangling(Peek);
            }
            var children = new List<QueryNode> { Unary() };
            while (true)
            {
                if (Peek.Kind == Kind.And)
                {
                    var and = Take();
                    if (!StartsOperand(Peek.Kind))
                    {
                        throw new QueryTextException($"AND at position {and.Start + 1} has nothing after it.", and.Start, Without(text, and.Start, and.End));
                    }
                }
                else if (!StartsOperand(Peek.Kind))
                {
                    break;
                }
                children.Add(Unary());
            }
            return children.Count == 1 ? children[0] : new AndNode(children);
        }

        private QueryTextException Dangling(Token token) => token.Kind switch
        {
            Kind.Or or Kind.And => new QueryTextException(
                $"{(token.Kind == Kind.Or ? "OR" : "AND")} at position {token.Start + 1} has nothing before it.", token.Start, Without(text, token.Start, token.End)),
            Kind.RParen => new QueryTextException(
                $"The \")\" at position {token.Start + 1} closes no \"(\" or closes empty parentheses.", token.Start, Without(text, token.Start, token.End)),
            _ => _open.TryPeek(out var open)
                ? new QueryTextException($"The \"(\" at position {open.Start + 1} is never closed.", open.Start, text.TrimEnd() + ")")
                : new QueryTextException($"Something is missing at position {token.Start + 1}.", token.Start, text.TrimEnd()),
        };

        private QueryNode Unary()
        {
            if (Peek.Kind == Kind.Not)
            {
                var not = Take();
                if (!StartsOperand(Peek.Kind))
                {
                    throw new QueryTextException($"NOT at position {not.Start + 1} has nothing after it.", not.Start, Without(text, not.Start, not.End));
                }
                Nest(not);
                var child = Unary();
                _depth--;
                return new NotNode(child);
            }
            return Primary();
        }

        private QueryNode Primary()
        {
            var token = Take();
            if (token.Kind is Kind.Word or Kind.Phrase or Kind.Compare or Kind.Field && ++_terms > MaxTerms)
            {
                throw new QueryTextException(
                    $"The query has more than {MaxTerms} words, phrases and comparisons; the words from position {token.Start + 1} on were left out.",
                    token.Start, text[..token.Start].Trim());
            }
            switch (token.Kind)
            {
                case Kind.Word:
                    return new TermNode(null, token.Text, token.Prefix);
                case Kind.Phrase:
                    return new PhraseNode(null, token.Text, token.Slop);
                case Kind.Compare:
                    return Compare(token);
                case Kind.Field:
                    var value = Peek;
                    if (value.Kind == Kind.Word && value.Start == token.End)
                    {
                        Take();
                        return new TermNode(token.Text, value.Text, value.Prefix);
                    }
                    if (value.Kind == Kind.Phrase && value.Start == token.End)
                    {
                        Take();
                        return new PhraseNode(token.Text, value.Text, value.Slop);
                    }
                    throw new QueryTextException(
                        $"The field at position {token.Start + 1} needs a word or a \"quoted phrase\" right after the colon.",
                        token.Start, Without(text, token.Start, token.End));
                case Kind.LParen:
                    if (Peek.Kind == Kind.RParen)
                    {
                        throw new QueryTextException($"The parentheses at position {token.Start + 1} are empty.", token.Start, Without(text, token.Start, Peek.End));
                    }
                    Nest(token);
                    _open.Push(token);
                    var inner = Or();
                    if (Peek.Kind != Kind.RParen)
                    {
                        throw new QueryTextException($"The \"(\" at position {token.Start + 1} is never closed.", token.Start, text.TrimEnd() + ")");
                    }
                    Take();
                    _open.Pop();
                    _depth--;
                    return inner;
                default:
                    throw Dangling(token);
            }
        }

        private RangeNode Compare(Token token)
        {
            var parts = token.Text.Split('\n');
            var (name, op, value) = (parts[0], parts[1].TrimStart(':'), parts[2].Replace(",", ""));
            var field = QueryFields.Numbers[name];
            QueryTextException Bad() => new(
                $"{name} at position {token.Start + 1} needs a number: {name}>1000, {name}>=50, {name}<100, {name}:1000-5000.",
                token.Start, text[..token.Start] + name + ">0" + text[token.End..]);
            static bool Number(string s, out int n) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out n);
            if (op == "" && value.Split('-') is [var low, var high] && Number(low, out var min) && Number(high, out var max))
            {
                return new RangeNode(field, Math.Min(min, max), Math.Max(min, max));
            }
            if (!Number(value, out var n))
            {
                throw Bad();
            }
            return op switch
            {
                ">" => new RangeNode(field, n == int.MaxValue ? n : n + 1, null),
                ">=" => new RangeNode(field, n, null),
                "<" => new RangeNode(field, null, n == int.MinValue ? n : n - 1),
                "<=" => new RangeNode(field, null, n),
                "" or "=" => new RangeNode(field, n, n),
                _ => throw Bad(),
            };
        }
    }
}
