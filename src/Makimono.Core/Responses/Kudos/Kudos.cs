using Makimono.Accounts;
using Makimono.Changes;
using Makimono.Works;

namespace Makimono.Responses.Kudos;

/// <summary>
/// A reader's "I liked this" on a work: from a logged-in user (<see cref="UserId"/>), or from a guest known only by
/// <see cref="GuestKey"/>, a keyed hash of their address (<see cref="GuestKeys"/>); the address itself is never stored.
/// Unique keys on (work, user) and (work, guest key) make "one each" hold in the database, whichever node saves.
/// </summary>
public class Kudos : ILoggedResponse
{
    /// <summary>HMAC-SHA256 as unpadded base64url: 43 characters.</summary>
    public const int GuestKeyLength = 43;

    public long Id { get; set; }
    public int WorkId { get; set; }
    public Work Work { get; set; } = null!;
    public int? UserId { get; set; }
    public User? User { get; set; }
    public string? GuestKey { get; set; }
    public DateTime CreatedAt { get; set; }

    ChangeSubject ILoggedResponse.Subject => ChangeSubject.Kudos;
    long ILoggedResponse.SubjectId => Id;
}
