using Makimono.Accounts;
using Makimono.Responses.Comments;

namespace Makimono.Pages.Comments;

/// <summary>What the comment fields partial needs: the text as typed, and who is signing it.</summary>
public sealed record CommentFields(CommentForm Form, bool Guest, IReadOnlyList<Pseud> Pseuds, string IdPrefix, string BodyLabel = "Comment");
