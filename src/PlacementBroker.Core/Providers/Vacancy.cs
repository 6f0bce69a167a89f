namespace PlacementBroker.Core.Providers;

/// <summary>Capacity a provider publishes in a lot.</summary>
public class Vacancy
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SettingId { get; set; }
    public Setting? Setting { get; set; }
    public Guid ProviderId { get; set; }
    public Guid LotId { get; set; }
    /// <summary>Places still on offer here: taken places leave it, ended placements give theirs back.</summary>
    public int Places { get; set; }
    /// <summary>Of <see cref="Places"/>, those held while a manager decides on an offer (the places the referral needs, no more).</summary>
    public int PlacesHeld { get; set; }
    public int AgeMin { get; set; }
    public int AgeMax { get; set; }
    public List<Gender> Genders { get; set; } = [];
    public List<Need> NeedsMet { get; set; } = [];
    public decimal WeeklyPrice { get; set; }
    public DateOnly AvailableFrom { get; set; }
    public VacancyStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency: a held or filled place cannot be edited from a stale form.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}
