namespace PlacementBroker.Core.Notifications;

public sealed record OutboxPage(IReadOnlyList<OutboxEmail> Emails, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
