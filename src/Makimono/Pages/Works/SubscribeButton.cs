using Makimono.Inbox;

namespace Makimono.Pages.Works;

/// <summary>The model of _Subscribe: what the button follows, and its name for the button's accessible label.</summary>
public sealed record SubscribeButton(SubscriptionKey Key, string Name)
{
    public static SubscribeButton Work(int id, string title) => new(new(SubscriptionTarget.Work, id), title);

    public static SubscribeButton User(int id, string name) => new(new(SubscriptionTarget.User, id), name);

    public static SubscribeButton Series(int id, string title) => new(new(SubscriptionTarget.Series, id), title);

    public static SubscribeButton SavedSearch(int id, string name) => new(new(SubscriptionTarget.SavedSearch, id), name);
}
