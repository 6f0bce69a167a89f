namespace PlacementBroker.Core.Providers;

/// <summary>Capacity providers put in front of the councils, only in lots they are admitted to and not suspended from.</summary>
public class VacancyService(PlacementBrokerDbContext db, Placements.PlaceLedger places, AuditTrail audit, TimeProvider clock, Referrals.IMarketplaceNotifier live)
{
    public const int MaxAge = 25;

    public async Task<Outcome<Vacancy>> PublishAsync(Actor actor, VacancyRequest request, CancellationToken ct = default)
    {
        if (actor.Role != Role.ProviderUser || actor.ProviderId is not { } providerId)
        {
            return Outcome<Vacancy>.Forbidden("Only provider users publish vacancies.");
        }
        var (setting, errors) = await ValidateAsync(providerId, request, ct);
        if (errors.Any)
        {
            return Outcome<Vacancy>.Invalid(errors);
        }
        if (await AgeLawRefusalAsync(request, ct) is { } unlawful)
        {
            return Outcome<Vacancy>.BusinessRule("ageMin", unlawful);
        }
        if (await MembershipRefusalAsync(providerId, request.LotId!.Value, setting!, ct) is { } refusal)
        {
            return Outcome<Vacancy>.BusinessRule(refusal);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // Never more open places than Ofsted registered, across every vacancy, lot and DPS: checked under the setting's lock.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await places.PublishRefusalAsync(setting!.Id, null, request.Places!.Value, PublishFrom(request), ct) is { } full)
        {
            return Outcome<Vacancy>.BusinessRule(full);
        }
        var vacancy = NewVacancy(setting.Id, providerId, request, now);
        db.Vacancies.Add(vacancy);
        audit.Record(actor, "VacancyPublished", nameof(Vacancy), vacancy.Id, $"{vacancy.Places} place(s) at {setting.Name}, £{vacancy.WeeklyPrice}/week");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<Vacancy>.Success(vacancy);
    }

    public async Task<Outcome<Vacancy>> UpdateAsync(Actor actor, Guid vacancyId, VacancyRequest request, CancellationToken ct = default)
    {
        var vacancy = await OwnAsync(actor, vacancyId, ct);
        if (vacancy is null)
        {
            return Outcome<Vacancy>.NotFound("No such vacancy.");
        }
        if (vacancy.Status != VacancyStatus.Open)
        {
            return Outcome<Vacancy>.Conflict($"The vacancy is {Words.InSentence(vacancy.Status)}: only an open vacancy can be changed.");
        }
        if (vacancy.PlacesHeld > 0)
        {
            return Outcome<Vacancy>.Conflict("Places on this vacancy are held while a manager decides on an offer: it cannot be changed until that is settled.");
        }
        var (setting, errors) = await ValidateAsync(vacancy.ProviderId, request, ct);
        if (errors.Any)
        {
            return Outcome<Vacancy>.Invalid(errors);
        }
        if (await AgeLawRefusalAsync(request, ct) is { } unlawful)
        {
            return Outcome<Vacancy>.BusinessRule("ageMin", unlawful);
        }
        if (await MembershipRefusalAsync(vacancy.ProviderId, request.LotId!.Value, setting!, ct) is { } refusal)
        {
            return Outcome<Vacancy>.BusinessRule(refusal);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await places.PublishRefusalAsync(setting!.Id, vacancy.Id, request.Places!.Value, PublishFrom(request), ct) is { } full)
        {
            return Outcome<Vacancy>.BusinessRule(full);
        }
        vacancy.SettingId = setting.Id;
        Apply(vacancy, request, now);
        vacancy.Version = Guid.NewGuid();
        audit.Record(actor, "VacancyChanged", nameof(Vacancy), vacancy.Id, $"{vacancy.Places} place(s), £{vacancy.WeeklyPrice}/week");
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Vacancy>.Conflict("The vacancy changed while you were editing it (an offer may be pending on it). Reload it and try again.");
        }
        await OffersChangedAsync(vacancy.Id, ct);
        return Outcome<Vacancy>.Success(vacancy);
    }

    /// <summary>
    /// Offers are judged against their vacancy as it is now, every time they are read: a changed vacancy re-evaluates the
    /// offers made on it. The officers of the referrals with a live offer on it are told, so their pages refresh.
    /// </summary>
    private async Task OffersChangedAsync(Guid vacancyId, CancellationToken ct)
    {
        var offers = await db.Offers.AsNoTracking().Where(o => o.VacancyId == vacancyId && o.Status == OfferStatus.Submitted)
            .Select(o => new { o.Id, o.ReferralId, o.Status, o.Referral!.CreatedByUserId }).ToListAsync(ct);
        foreach (var offer in offers)
        {
            await live.OfferUpdatedAsync(offer.CreatedByUserId, new Referrals.OfferUpdatedEvent(offer.ReferralId, offer.Id, offer.Status, 0));
        }
    }

    /// <summary>Withdraws an open vacancy. Withdrawing one already withdrawn changes nothing.</summary>
    public async Task<Outcome<Vacancy>> WithdrawAsync(Actor actor, Guid vacancyId, CancellationToken ct = default)
    {
        var vacancy = await OwnAsync(actor, vacancyId, ct);
        if (vacancy is null)
        {
            return Outcome<Vacancy>.NotFound("No such vacancy.");
        }
        if (vacancy.Status == VacancyStatus.Withdrawn)
        {
            return Outcome<Vacancy>.Success(vacancy);
        }
        if (vacancy.Status != VacancyStatus.Open || vacancy.PlacesHeld > 0)
        {
            return Outcome<Vacancy>.Conflict(vacancy.PlacesHeld > 0
                ? "An offer on this vacancy is waiting for a decision: it cannot be withdrawn until that is settled."
                : "The vacancy is filled.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        vacancy.Status = VacancyStatus.Withdrawn;
        vacancy.UpdatedAt = now;
        vacancy.Version = Guid.NewGuid();
        // An offer of a place that is no longer on offer is no offer.
        await db.Offers.Where(o => o.VacancyId == vacancy.Id && o.Status == Referrals.OfferStatus.Submitted)
            .ForEachAsync(o => { o.Status = Referrals.OfferStatus.Withdrawn; o.UpdatedAt = now; }, ct);
        audit.Record(actor, "VacancyWithdrawn", nameof(Vacancy), vacancy.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Vacancy>.Conflict("The vacancy changed at the same moment (an offer may have been accepted). Reload it and try again.");
        }
        return Outcome<Vacancy>.Success(vacancy);
    }

    /// <summary>A provider's own vacancies, or, for commissioners, every vacancy on the lots of DPSs their authority leads or shares: the whole list, for in-process callers.</summary>
    public async Task<Outcome<List<VacancyView>>> ListAsync(Actor actor, VacancyFilter filter, CancellationToken ct = default)
    {
        var outcome = await ListAsync(actor, filter, PageRequest.All, ct);
        return outcome.Succeeded ? Outcome<List<VacancyView>>.Success([.. outcome.Value!.Items])
            : Outcome<List<VacancyView>>.Forbidden(outcome.Message!);
    }

    /// <summary>One page of the vacancies the caller sees: open first, then by the date they are available from, then by id.</summary>
    public async Task<Outcome<Paged<VacancyView>>> ListAsync(Actor actor, VacancyFilter filter, PageRequest page, CancellationToken ct = default)
    {
        if (Visible(actor) is not { } query)
        {
            return Outcome<Paged<VacancyView>>.Forbidden("Vacancies are listed for their providers and for commissioners.");
        }
        if (filter.LotId is { } lotId)
        {
            query = query.Where(v => v.LotId == lotId);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(v => v.Status == status);
        }
        if (filter.Need is { } need)
        {
            query = query.Where(v => v.NeedsMet.Contains(need));
        }
        if (filter.Grade is { } grade)
        {
            query = query.Where(v => v.Setting!.OfstedGrade == grade);
        }
        if (!string.IsNullOrWhiteSpace(filter.Area))
        {
            var area = filter.Area.Trim().ToUpperInvariant();
            // A district on its own ("LS1") is the whole outward code: it must not also match LS10 to LS19.
            if (Postcode.District(area) == area)
            {
                area += " ";
            }
            query = query.Where(v => v.Setting!.Postcode.StartsWith(area));
        }
        var ordered = query.OrderBy(v => v.Status == VacancyStatus.Open ? 0 : 1).ThenBy(v => v.AvailableFrom).ThenBy(v => v.Id);
        return Outcome<Paged<VacancyView>>.Success((await ordered.ToPagedAsync(page, Project, ct)).Map(View));
    }

    /// <summary>One vacancy the caller sees, read by its id.</summary>
    public async Task<VacancyView?> FindAsync(Actor actor, Guid vacancyId, CancellationToken ct = default) =>
        Visible(actor) is { } query && await Project(query.Where(v => v.Id == vacancyId)).SingleOrDefaultAsync(ct) is { } row ? View(row) : null;

    /// <summary>The vacancies the caller may list: a provider's own, or a commissioner's DPSs' lots'; null for anyone else.</summary>
    private IQueryable<Vacancy>? Visible(Actor actor)
    {
        if (actor.Role == Role.ProviderUser && actor.ProviderId is { } providerId)
        {
            return db.Vacancies.AsNoTracking().Where(v => v.ProviderId == providerId);
        }
        if (actor.Role == Role.Commissioner && actor.LocalAuthorityId is { } la)
        {
            var lots = db.Lots.VisibleTo(la).Select(l => l.Id);
            return db.Vacancies.AsNoTracking().Where(v => lots.Contains(v.LotId));
        }
        return null;
    }

    private static VacancyView View(VacancyRow v) => new(v.Id, v.SettingId, v.Setting, v.ProviderId, v.Provider, v.LotId, v.Lot, v.Places, v.AgeMin, v.AgeMax,
        v.Genders, v.NeedsMet, v.WeeklyPrice, v.AvailableFrom, v.Status, Postcode.District(v.Postcode) ?? "", v.OfstedGrade) { PlacesHeld = v.PlacesHeld };

    private IQueryable<VacancyRow> Project(IQueryable<Vacancy> query) => query
        .Select(v => new VacancyRow(v.Id, v.SettingId, v.Setting!.Name, v.ProviderId, db.Providers.Where(p => p.Id == v.ProviderId).Select(p => p.Name).First(),
            v.LotId, db.Lots.Where(l => l.Id == v.LotId).Select(l => l.Name).First(), v.Places, v.AgeMin, v.AgeMax, v.Genders, v.NeedsMet, v.WeeklyPrice,
            v.AvailableFrom, v.Status, v.Setting.Postcode, v.Setting.OfstedGrade, v.PlacesHeld));

    private sealed record VacancyRow(Guid Id, Guid SettingId, string Setting, Guid ProviderId, string Provider, Guid LotId, string Lot, int Places, int AgeMin,
        int AgeMax, List<Gender> Genders, List<Need> NeedsMet, decimal WeeklyPrice, DateOnly AvailableFrom, VacancyStatus Status, string Postcode, OfstedGrade OfstedGrade,
        int PlacesHeld);

    private async Task<Vacancy?> OwnAsync(Actor actor, Guid vacancyId, CancellationToken ct) =>
        actor.Role == Role.ProviderUser
            ? await db.Vacancies.SingleOrDefaultAsync(v => v.Id == vacancyId && v.ProviderId == actor.ProviderId, ct)
            : null;

    private async Task<(Setting? Setting, FieldErrors Errors)> ValidateAsync(Guid providerId, VacancyRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var setting = await errors.ChosenAsync("settingId", request.SettingId,
            id => db.Settings.SingleOrDefaultAsync(s => s.Id == id && s.ProviderId == providerId, ct),
            "Select the setting", "Select one of your organisation's settings");
        if (request.LotId is null)
        {
            errors.Add("lotId", "Select the lot");
        }
        else if (!await db.Lots.AnyAsync(l => l.Id == request.LotId, ct))
        {
            errors.Add("lotId", "Select a lot that exists");
        }
        if (request.Places is null)
        {
            errors.Add("places", "Enter the number of places");
        }
        else if (request.Places < 1)
        {
            errors.Add("places", "Places must be 1 or more");
        }
        else if (setting is not null && request.Places > setting.RegisteredPlaces)
        {
            errors.Add("places", $"Places cannot be more than the setting's {setting.RegisteredPlaces} registered places");
        }
        if (request.AgeMin is null)
        {
            errors.Add("ageMin", "Enter the youngest age accepted");
        }
        else if (request.AgeMin is < 0 or > MaxAge)
        {
            errors.Add("ageMin", $"Ages must be from 0 to {MaxAge}");
        }
        if (request.AgeMax is null)
        {
            errors.Add("ageMax", "Enter the oldest age accepted");
        }
        else if (request.AgeMax is < 0 or > MaxAge)
        {
            errors.Add("ageMax", $"Ages must be from 0 to {MaxAge}");
        }
        else if (request.AgeMin is { } min and >= 0 && request.AgeMax < min)
        {
            errors.Add("ageMax", "The oldest age must be the same as or more than the youngest");
        }
        if (request.Genders is not { Count: > 0 })
        {
            errors.Add("genders", "Select the genders accepted");
        }
        if (request.WeeklyPrice is null)
        {
            errors.Add("weeklyPrice", "Enter the weekly price");
        }
        else if (request.WeeklyPrice is <= 0 or > 100_000)
        {
            errors.Add("weeklyPrice", "The weekly price must be more than £0 and no more than £100,000");
        }
        else if (decimal.Round(request.WeeklyPrice.Value, 2) != request.WeeklyPrice)
        {
            errors.Add("weeklyPrice", "The weekly price must be in pounds and pence");
        }
        var today = UkTime.Today(clock);
        if (request.AvailableFrom is null)
        {
            errors.Add("availableFrom", "Enter the date the place is available from");
        }
        else if (request.AvailableFrom > today.AddYears(1))
        {
            errors.Add("availableFrom", "The date must be within the next year");
        }
        return (setting, errors);
    }

    /// <summary>The law on age (spec 5.2): a supported-accommodation vacancy takes no one under 16. Asked once the request is valid.</summary>
    private async Task<string?> AgeLawRefusalAsync(VacancyRequest request, CancellationToken ct)
    {
        var placementType = await db.Lots.AsNoTracking().Where(l => l.Id == request.LotId).Select(l => l.PlacementType).SingleAsync(ct);
        return Matching.PlacementLaw.VacancyYoungestAgeRefusal(placementType, request.AgeMin!.Value);
    }

    private async Task<string?> MembershipRefusalAsync(Guid providerId, Guid lotId, Setting setting, CancellationToken ct)
    {
        var membership = await db.LotMemberships.Where(m => m.LotId == lotId && m.ProviderId == providerId)
            .Select(m => (MembershipStatus?)m.Status).SingleOrDefaultAsync(ct);
        if (membership == MembershipStatus.Suspended)
        {
            return "Your membership of this lot is suspended: you cannot publish vacancies in it until it is reinstated.";
        }
        if (membership != MembershipStatus.Admitted)
        {
            return "Your organisation is not admitted to this lot. Apply to the lot first.";
        }
        if (setting.ClosedAt is not null)
        {
            return "This setting's Ofsted registration is closed.";
        }
        if (setting.ReviewStatus != SettingReviewStatus.Approved)
        {
            return setting.ReviewStatus == SettingReviewStatus.Rejected
                ? $"A platform admin rejected this setting's Ofsted URN claim: {setting.ReviewReason}"
                : "This setting is awaiting platform admin review of its Ofsted URN: you can publish vacancies once it is approved.";
        }
        return null;
    }

    /// <summary>The first day the published places are offered: the places taken or held from then on count against them.</summary>
    private DateOnly PublishFrom(VacancyRequest request)
    {
        var today = UkTime.Today(clock);
        return request.AvailableFrom is { } from && from > today ? from : today;
    }

    /// <summary>An open vacancy at one of the provider's settings, as a valid request describes it. The demo data makes its vacancies with this too.</summary>
    public static Vacancy NewVacancy(Guid settingId, Guid providerId, VacancyRequest request, DateTime now)
    {
        var vacancy = new Vacancy { SettingId = settingId, ProviderId = providerId, Status = VacancyStatus.Open, CreatedAt = now };
        Apply(vacancy, request, now);
        return vacancy;
    }

    private static void Apply(Vacancy vacancy, VacancyRequest request, DateTime now)
    {
        vacancy.LotId = request.LotId!.Value;
        vacancy.Places = request.Places!.Value;
        vacancy.AgeMin = request.AgeMin!.Value;
        vacancy.AgeMax = request.AgeMax!.Value;
        vacancy.Genders = [.. request.Genders!.Distinct().Order()];
        vacancy.NeedsMet = [.. (request.NeedsMet ?? []).Distinct().Order()];
        vacancy.WeeklyPrice = request.WeeklyPrice!.Value;
        vacancy.AvailableFrom = request.AvailableFrom!.Value;
        vacancy.UpdatedAt = now;
    }
}
