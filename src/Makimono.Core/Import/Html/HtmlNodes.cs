using AngleSharp.Dom;

namespace Makimono.Import.Html;

/// <summary>
/// What <see cref="HtmlLines"/> reads of a parsed document, so one walk serves both AngleSharp's DOM and the
/// lighter tree of <see cref="FastHtml"/>, and the two cannot drift apart.
/// </summary>
internal interface IHtmlNodes<TNode>
{
    static abstract IReadOnlyList<TNode> Children(TNode node);

    /// <summary>The element's local name, or null for a text node or a comment.</summary>
    static abstract string? ElementName(TNode node);

    static abstract bool IsText(TNode node);

    static abstract string TextContent(TNode node);

    static abstract string? Attribute(TNode element, string name);

    static abstract string OuterHtml(TNode element);
}

/// <summary>AngleSharp's DOM as <see cref="HtmlLines"/> reads it.</summary>
internal readonly struct DomNodes : IHtmlNodes<INode>
{
    public static IReadOnlyList<INode> Children(INode node) => new ChildList(node.ChildNodes);

    public static string? ElementName(INode node) => (node as IElement)?.LocalName;

    public static bool IsText(INode node) => node is IText;

    public static string TextContent(INode node) => node.TextContent;

    public static string? Attribute(INode element, string name) => ((IElement)element).GetAttribute(name);

    public static string OuterHtml(INode element) => ((IElement)element).OuterHtml;

    /// <summary>By index: AngleSharp finds a node's next sibling by searching its parent's children.</summary>
    private sealed class ChildList(INodeList nodes) : IReadOnlyList<INode>
    {
        public INode this[int index] => nodes[index];

        public int Count => nodes.Length;

        public IEnumerator<INode> GetEnumerator()
        {
            for (var i = 0; i < nodes.Length; i++)
            {
                yield return nodes[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
