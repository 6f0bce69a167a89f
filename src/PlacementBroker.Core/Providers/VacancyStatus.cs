namespace PlacementBroker.Core.Providers;

public enum VacancyStatus
{
    Open,
    Held,
    Filled,
    Withdrawn,
}
