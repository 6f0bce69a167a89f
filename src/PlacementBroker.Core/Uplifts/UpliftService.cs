using System.Globalization;
using PlacementBroker.Core.Contracts;
using PlacementBroker.Core.Sufficiency;

namespace PlacementBroker.Core.Uplifts;

/// <summary>
/// Fee-uplift rounds (spec 11). The lead authority's commissioners open a round for a DPS; the providers with placements
/// or block contracts in scope are told, and each may submit one request with a cost breakdown inside the window; the
/// commissioners decide each beside its benchmark context. A decision re-prices, in one transaction, every placement and
/// block contract of the provider in scope from the effective date (from the first day not yet billed, when billing has
/// passed it) and records a variation on each agreement. The DPS's participating councils read the rounds (their
/// placements are re-priced too); providers see their own requests only.
/// <para>In scope: spot placements and block contracts in the round's lots that began before the effective date and run
/// past it. A placement that began on or after it was priced for the new year when it was agreed.</para>
/// </summary>
public class UpliftService(
    PlacementBrokerDbContext db, ContractAccess access, PriceChangeService prices, AcceptedPriceBenchmarks benchmarks, QualityService quality,
    ContractOverviewService contracts, AuditTrail audit, EmailOutbox emails, TimeProvider clock)
{
    public const decimal MaxPercent = 100m;
    public const decimal MaxCost = 1_000_000_000m;
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The round's state on <paramref name="today"/>.</summary>
    public static UpliftRoundStatus StatusOf(UpliftRound round, DateOnly today) =>
        today < round.OpensOn ? UpliftRoundStatus.Upcoming : today <= round.ClosesOn ? UpliftRoundStatus.Open : UpliftRoundStatus.Closed;

    /// <summary>A price raised by a percentage, to the penny (halves away from zero), as every re-priced line is.</summary>
    public static decimal Uplifted(decimal weeklyPrice, decimal percent) => ChargeRules.Pence(weeklyPrice * (1m + percent / 100m));

    public async Task<Outcome<UpliftRoundView>> CreateRoundAsync(Actor actor, Guid dpsId, CreateUpliftRoundRequest request, CancellationToken ct = default)
    {
        var dps = await access.DpsForAuthorityAsync(actor, dpsId, ct);
        if (Outcome<UpliftRoundView>.Refused(dps, "No such DPS.", actor.Role == Role.Commissioner && dps?.Lead == true,
                "Only commissioners of the DPS's lead authority open uplift rounds.", out var refusal))
        {
            return refusal;
        }
        var today = UkTime.Today(clock);
        var errors = new FieldErrors();
        errors.Required("name", request.Name, "Enter a name for the round, like 2027 to 2028 fee uplift");
        if (request.Name is { Length: > 200 })
        {
            errors.Add("name", "The name must be 200 characters or fewer");
        }
        errors.Required("opensOn", request.OpensOn, "Enter the day the round opens for requests");
        if (request.ClosesOn is not { } closes)
        {
            errors.Add("closesOn", "Enter the day the round closes for requests");
        }
        else if (request.OpensOn is { } opens && closes < opens)
        {
            errors.Add("closesOn", "The round must close on or after the day it opens");
        }
        else if (closes < today)
        {
            errors.Add("closesOn", "The round must close today or later");
        }
        if (request.EffectiveFrom is not { } effective)
        {
            errors.Add("effectiveFrom", "Enter the day agreed prices start");
        }
        else if (request.OpensOn is { } opening && Math.Abs(effective.DayNumber - opening.DayNumber) > 2 * 366)
        {
            errors.Add("effectiveFrom", "Agreed prices must start within two years of the round opening");
        }
        if (request.GuidancePercent is { } g && (g < 0 || g > MaxPercent || decimal.Round(g, 2) != g))
        {
            errors.Add("guidancePercent", "The expected uplift must be a percentage from 0 to 100, with at most 2 decimal places");
        }
        if (request.Guidance is { Length: > TextLengths.LongText })
        {
            errors.Add("guidance", "The guidance must be 4,000 characters or fewer");
        }
        var lotIds = (request.LotIds ?? []).Distinct().ToList();
        var dpsLots = await db.Lots.AsNoTracking().Where(l => l.DpsId == dpsId).Select(l => l.Id).ToListAsync(ct);
        if (lotIds.Except(dpsLots).Any())
        {
            errors.Add("lotIds", "Choose lots of this DPS, or none for every lot");
        }
        if (errors.Any)
        {
            return Outcome<UpliftRoundView>.Invalid(errors);
        }
        // Two rounds covering one lot with windows that overlap would ask providers twice and could uplift a price twice.
        // Uplifts are yearly: nor may two rounds on one lot put prices up within a year of each other.
        var others = (await db.UpliftRounds.AsNoTracking().Where(r => r.DpsId == dpsId).ToListAsync(ct))
            .Where(r => (r.OpensOn <= request.ClosesOn && r.ClosesOn >= request.OpensOn) || Math.Abs(r.EffectiveFrom.DayNumber - request.EffectiveFrom!.Value.DayNumber) < 365);
        if (others.FirstOrDefault(r => r.LotIds.Count == 0 || lotIds.Count == 0 || r.LotIds.Intersect(lotIds).Any()) is { } clash)
        {
            return Outcome<UpliftRoundView>.Conflict(string.Create(EnGb,
                $"The round \"{clash.Name}\" covers these lots, open for requests from {clash.OpensOn:d MMMM yyyy} to {clash.ClosesOn:d MMMM yyyy} with prices from {clash.EffectiveFrom:d MMMM yyyy}: rounds on one lot cannot overlap, nor change prices within a year of each other."));
        }
        var round = new UpliftRound
        {
            DpsId = dpsId, Name = request.Name!.Trim(), OpensOn = request.OpensOn!.Value, ClosesOn = request.ClosesOn!.Value,
            EffectiveFrom = request.EffectiveFrom!.Value, GuidancePercent = request.GuidancePercent, Guidance = request.Guidance?.Trim() is { Length: > 0 } text ? text : null,
            LotIds = lotIds, CreatedByUserId = actor.UserId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.UpliftRounds.Add(round);
        audit.Record(actor, "UpliftRoundOpened", nameof(UpliftRound), round.Id,
            $"{round.Name}: requests {round.OpensOn:yyyy-MM-dd} to {round.ClosesOn:yyyy-MM-dd}, effective {round.EffectiveFrom:yyyy-MM-dd}", localAuthorityId: actor.LocalAuthorityId);
        // Providers with something in scope are told, once, with the guidance.
        var providers = (await ScopeAsync(round, null, ct)).Select(i => i.ProviderId).Distinct().ToList();
        var contacts = await db.Providers.AsNoTracking().Where(p => providers.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.ContactEmail }).ToListAsync(ct);
        await emails.QueueManyAsync([.. contacts.Select(p => new QueuedEmail(p.ContactEmail, $"Fee uplift round: {dps!.Name}",
            string.Create(EnGb, $"{dps.Name} has opened a fee uplift round, {round.Name}, for your placements and block contracts on it.\n\n")
            + string.Create(EnGb, $"Requests can be submitted from {round.OpensOn:d MMMM yyyy} to {round.ClosesOn:d MMMM yyyy}. Agreed prices start on {round.EffectiveFrom:d MMMM yyyy}.\n")
            + (round.GuidancePercent is { } pct ? string.Create(EnGb, $"The commissioners expect uplifts of about {pct:0.##}%.\n") : "")
            + (round.Guidance is { } words ? $"\nGuidance: {words}\n" : "")
            + "\nSubmit your request, with a cost breakdown and your justification, from Fee uplifts in PlacementBroker.",
            $"uplift-round:{round.Id}:{p.Id}"))], ct);
        await db.SaveChangesAsync(ct);
        return await RoundAsync(actor, round.Id, ct);
    }

    /// <summary>The round as the DPS's commissioners see it: every submitted request and what the round costs, per lot and overall.</summary>
    public async Task<Outcome<UpliftRoundView>> RoundAsync(Actor actor, Guid roundId, CancellationToken ct = default)
    {
        var round = await db.UpliftRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        var dps = round is null ? null : await access.DpsForAuthorityAsync(actor, round.DpsId, ct);
        if (Outcome<UpliftRoundView>.Refused(dps, "No such uplift round.", actor.Role == Role.Commissioner, "Uplift rounds are for the DPS's commissioners.", out var refusal))
        {
            return refusal;
        }
        var today = UkTime.Today(clock);
        var items = await ScopeAsync(round!, null, ct);
        var requests = await db.UpliftRequests.AsNoTracking().Where(r => r.UpliftRoundId == roundId && r.Status != UpliftRequestStatus.Draft)
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .Select(r => new { Request = r, Provider = db.Providers.Where(p => p.Id == r.ProviderId).Select(p => p.Name).First() })
            .ToListAsync(ct);
        var agreed = requests.Where(r => r.Request.AgreedPercent is not null).ToDictionary(r => r.Request.ProviderId, r => r.Request.AgreedPercent!.Value);
        var lots = await db.Lots.AsNoTracking().Where(l => l.DpsId == round!.DpsId).OrderBy(l => l.Name).Select(l => new { l.Id, l.Name }).ToListAsync(ct);
        var inScopeLots = round!.LotIds.Count == 0 ? lots : [.. lots.Where(l => round.LotIds.Contains(l.Id))];
        var requestedBy = requests.Select(r => r.Request.ProviderId).ToHashSet();
        var decidedBy = agreed.Keys.ToHashSet();

        UpliftCost Cost(Guid? lotId, string name, IReadOnlyCollection<Item> scoped)
        {
            var spending = scoped.Where(i => i.ActiveToday).ToList();
            var before = spending.Sum(i => i.AnnualSpend);
            var after = spending.Sum(i => agreed.TryGetValue(i.ProviderId, out var pct) ? PlacementRules.AnnualCost(Uplifted(i.PriceBefore, pct), i.Places) : i.AnnualSpend);
            var decided = spending.Where(i => decidedBy.Contains(i.ProviderId)).ToList();
            var decidedSpend = decided.Sum(i => i.AnnualSpend);
            decimal? weighted = decidedSpend == 0 ? null : Math.Round(decided.Sum(i => i.AnnualSpend * agreed[i.ProviderId]) / decidedSpend, 2, MidpointRounding.AwayFromZero);
            var providers = scoped.Select(i => i.ProviderId).ToHashSet();
            return new UpliftCost(lotId, name, providers.Count(requestedBy.Contains), providers.Count(decidedBy.Contains), weighted, before, after);
        }

        var overall = Cost(null, "All lots", items);
        var byProvider = items.ToLookup(i => i.ProviderId);
        var summaries = requests.Select(r =>
        {
            var mine = byProvider[r.Request.ProviderId].Where(i => i.ActiveToday).ToList();
            var before = mine.Sum(i => i.AnnualSpend);
            var after = r.Request.AgreedPercent is { } pct ? mine.Sum(i => PlacementRules.AnnualCost(Uplifted(i.PriceBefore, pct), i.Places)) : before;
            return new UpliftRequestSummary(r.Request.Id, r.Request.ProviderId, r.Provider, r.Request.RequestedPercent, r.Request.Status, r.Request.AgreedPercent,
                r.Request.SubmittedAt, before, after, mine.Count(i => i.PlacementId is not null), mine.Count(i => i.BlockContractId is not null));
        }).ToList();
        return Outcome<UpliftRoundView>.Success(new UpliftRoundView(round.Id, round.DpsId, dps!.Name, round.Name, round.OpensOn, round.ClosesOn, round.EffectiveFrom,
            round.GuidancePercent, round.Guidance, round.LotIds, [.. inScopeLots.Select(l => l.Name)], StatusOf(round, today), dps.Lead,
            items.Select(i => i.ProviderId).Distinct().Count(), summaries, overall.AnnualSpendBefore, overall.AnnualSpendAfter, overall.WeightedAverageAgreedPercent,
            [.. inScopeLots.Select(l => Cost(l.Id, l.Name, [.. items.Where(i => i.LotId == l.Id)]))]));
    }

    /// <summary>The DPS's rounds, newest first, for its authorities' commissioners; null when the DPS is not theirs.</summary>
    public async Task<List<UpliftRoundSummary>?> RoundsForDpsAsync(Actor actor, Guid dpsId, CancellationToken ct = default)
    {
        var dps = await access.DpsForAuthorityAsync(actor, dpsId, ct);
        if (dps is null || actor.Role != Role.Commissioner)
        {
            return null;
        }
        return await SummariesAsync(db.UpliftRounds.Where(r => r.DpsId == dpsId), null, ct);
    }

    /// <summary>Every round of the DPSs the caller's authority uses, newest first.</summary>
    public async Task<List<UpliftRoundSummary>> RoundsForAuthorityAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.LocalAuthorityId is not { } la || actor.Role != Role.Commissioner)
        {
            return [];
        }
        var dpsIds = db.DynamicPurchasingSystems.VisibleTo(la).Select(d => d.Id);
        return await SummariesAsync(db.UpliftRounds.Where(r => dpsIds.Contains(r.DpsId)), null, ct);
    }

    /// <summary>The rounds of the DPSs the provider is on, with its own request; <c>InScope</c> says whether it has anything the round re-prices.</summary>
    public async Task<List<UpliftRoundSummary>> RoundsForProviderAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.ProviderId is not { } providerId)
        {
            return [];
        }
        var dpsIds = db.LotMemberships.Where(m => m.ProviderId == providerId).Select(m => m.Lot!.DpsId);
        var rounds = await SummariesAsync(db.UpliftRounds.Where(r => dpsIds.Contains(r.DpsId)), providerId, ct);
        var result = new List<UpliftRoundSummary>();
        foreach (var round in rounds)
        {
            var entity = await db.UpliftRounds.AsNoTracking().SingleAsync(r => r.Id == round.Id, ct);
            result.Add(round with { InScope = round.MyRequestId is not null || (await ScopeAsync(entity, providerId, ct)).Count > 0 });
        }
        return result;
    }

    private async Task<List<UpliftRoundSummary>> SummariesAsync(IQueryable<UpliftRound> rounds, Guid? providerId, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var rows = await rounds.AsNoTracking().OrderByDescending(r => r.EffectiveFrom).ThenByDescending(r => r.CreatedAt)
            .Select(r => new
            {
                Round = r,
                Dps = db.DynamicPurchasingSystems.Where(d => d.Id == r.DpsId).Select(d => d.Name).First(),
                Received = db.UpliftRequests.Count(q => q.UpliftRoundId == r.Id && q.Status != UpliftRequestStatus.Draft),
                Decided = db.UpliftRequests.Count(q => q.UpliftRoundId == r.Id && q.AgreedPercent != null),
                Mine = db.UpliftRequests.Where(q => q.UpliftRoundId == r.Id && q.ProviderId == providerId).Select(q => new { q.Id, q.Status }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new UpliftRoundSummary(r.Round.Id, r.Round.DpsId, r.Dps, r.Round.Name, r.Round.OpensOn, r.Round.ClosesOn, r.Round.EffectiveFrom,
            r.Round.GuidancePercent, StatusOf(r.Round, today), providerId is null ? r.Received : 0, providerId is null ? r.Decided : 0, r.Mine?.Id, r.Mine?.Status))];
    }

    /// <summary>The provider's request in a round (a draft included), or a new empty one to start from; null when the provider is not on the round's DPS.</summary>
    public async Task<UpliftRequestView?> MyRequestAsync(Actor actor, Guid roundId, CancellationToken ct = default)
    {
        var round = await ProviderRoundAsync(actor, roundId, ct);
        if (round is null)
        {
            return null;
        }
        var existing = await db.UpliftRequests.AsNoTracking().Include(r => r.CostLines).SingleOrDefaultAsync(r => r.UpliftRoundId == roundId && r.ProviderId == actor.ProviderId, ct);
        return await ViewAsync(actor, round, existing ?? new UpliftRequest
        {
            Id = Guid.Empty, UpliftRoundId = roundId, ProviderId = actor.ProviderId!.Value, Status = UpliftRequestStatus.Draft, CreatedAt = clock.GetUtcNow().UtcDateTime,
        }, ct);
    }

    /// <summary>A request: the provider's own, or (once submitted) for the DPS's commissioners, with its benchmark context.</summary>
    public async Task<Outcome<UpliftRequestView>> RequestAsync(Actor actor, Guid requestId, CancellationToken ct = default)
    {
        var request = await db.UpliftRequests.AsNoTracking().Include(r => r.CostLines).SingleOrDefaultAsync(r => r.Id == requestId, ct);
        var round = request is null ? null : await db.UpliftRounds.AsNoTracking().SingleAsync(r => r.Id == request.UpliftRoundId, ct);
        var visible = round is not null && (actor.Role == Role.ProviderUser
            ? request!.ProviderId == actor.ProviderId
            : request!.Status != UpliftRequestStatus.Draft && actor.Role == Role.Commissioner && await access.DpsForAuthorityAsync(actor, round.DpsId, ct) is not null);
        if (!visible)
        {
            return Outcome<UpliftRequestView>.NotFound("No such uplift request.");
        }
        return Outcome<UpliftRequestView>.Success(await ViewAsync(actor, round!, request!, ct));
    }

    /// <summary>Saves what the provider has written so far; nothing is checked for completeness until it is submitted.</summary>
    public Task<Outcome<UpliftRequestView>> SaveDraftAsync(Actor actor, Guid roundId, UpliftRequestInput input, CancellationToken ct = default) =>
        SaveAsync(actor, roundId, input, submit: false, ct);

    /// <summary>Submits the provider's request: whole, inside the window, for a provider with something in scope.</summary>
    public Task<Outcome<UpliftRequestView>> SubmitAsync(Actor actor, Guid roundId, UpliftRequestInput input, CancellationToken ct = default) =>
        SaveAsync(actor, roundId, input, submit: true, ct);

    private async Task<Outcome<UpliftRequestView>> SaveAsync(Actor actor, Guid roundId, UpliftRequestInput input, bool submit, CancellationToken ct)
    {
        if (actor.Role != Role.ProviderUser || actor.ProviderId is not { } providerId)
        {
            return Outcome<UpliftRequestView>.Forbidden("Providers submit uplift requests.");
        }
        var round = await ProviderRoundAsync(actor, roundId, ct);
        if (round is null)
        {
            return Outcome<UpliftRequestView>.NotFound("No such uplift round.");
        }
        if (input.ProviderId is { } named && named != providerId)
        {
            return Outcome<UpliftRequestView>.Forbidden("A provider requests uplifts for its own organisation only.");
        }
        var existing = await db.UpliftRequests.Include(r => r.CostLines).SingleOrDefaultAsync(r => r.UpliftRoundId == roundId && r.ProviderId == providerId, ct);
        var merged = existing is null || !submit ? input : input with
        {
            RequestedPercent = input.RequestedPercent ?? existing.RequestedPercent,
            CostBreakdown = input.CostBreakdown ?? [.. existing.CostLines.Select(l => new CostLineInput(l.Category, l.LastYear, l.NextYear))],
            Justification = input.Justification ?? existing.Justification,
        };
        var errors = Validate(merged, complete: submit);
        if (errors.Any)
        {
            return Outcome<UpliftRequestView>.Invalid(errors);
        }
        if (existing is { Status: not UpliftRequestStatus.Draft })
        {
            return Outcome<UpliftRequestView>.Conflict("Your request for this round has been submitted already: it cannot be changed.");
        }
        var today = UkTime.Today(clock);
        if (today > round.ClosesOn)
        {
            return Outcome<UpliftRequestView>.BusinessRule(string.Create(EnGb, $"The round closed for requests on {round.ClosesOn:d MMMM yyyy}."));
        }
        if (submit && today < round.OpensOn)
        {
            return Outcome<UpliftRequestView>.BusinessRule(string.Create(EnGb, $"The round opens for requests on {round.OpensOn:d MMMM yyyy}: save your request and submit it then."));
        }
        if (submit && (await ScopeAsync(round, providerId, ct)).Count == 0)
        {
            return Outcome<UpliftRequestView>.BusinessRule("You have no placements or block contracts this round re-prices: only the prices in its scope can be uplifted.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var request = existing ?? new UpliftRequest { UpliftRoundId = roundId, ProviderId = providerId, Status = UpliftRequestStatus.Draft, CreatedAt = now };
        if (existing is null)
        {
            db.UpliftRequests.Add(request);
        }
        if (merged.RequestedPercent is not null || submit)
        {
            request.RequestedPercent = merged.RequestedPercent;
        }
        if (merged.Justification is not null)
        {
            request.Justification = merged.Justification.Trim();
        }
        if (merged.CostBreakdown is { } lines)
        {
            var given = lines.Where(l => l.Category is not null).ToDictionary(l => l.Category!.Value);
            foreach (var line in request.CostLines.Where(l => !given.ContainsKey(l.Category)).ToList())
            {
                request.CostLines.Remove(line);
                db.UpliftCostLines.Remove(line);
            }
            foreach (var (category, line) in given)
            {
                var kept = request.CostLines.SingleOrDefault(l => l.Category == category);
                if (kept is null)
                {
                    kept = new UpliftCostLine { UpliftRequestId = request.Id, Category = category };
                    request.CostLines.Add(kept);
                    // Added explicitly: a line with its key already set, reached through a tracked request, would be taken for an existing row.
                    db.UpliftCostLines.Add(kept);
                }
                kept.LastYear = line.LastYear ?? 0;
                kept.NextYear = line.NextYear ?? 0;
            }
        }
        request.UpdatedAt = now;
        if (submit)
        {
            request.Status = UpliftRequestStatus.Submitted;
            request.SubmittedAt = now;
            request.SubmittedByUserId = actor.UserId;
            audit.Record(actor, "UpliftRequested", nameof(UpliftRequest), request.Id, string.Create(CultureInfo.InvariantCulture, $"{request.RequestedPercent:0.##}% in {round.Name}"),
                providerId: providerId);
            var dps = await db.DynamicPurchasingSystems.AsNoTracking().Where(d => d.Id == round.DpsId).Select(d => new { d.Name, d.LeadLocalAuthorityId }).SingleAsync(ct);
            var provider = await db.Providers.AsNoTracking().Where(p => p.Id == providerId).Select(p => p.Name).SingleAsync(ct);
            var to = await access.LeadCommissionerEmailsAsync(dps.LeadLocalAuthorityId, ct);
            await emails.QueueManyAsync([.. to.Select(address => new QueuedEmail(address, $"Uplift request from {provider}: {round.Name}",
                string.Create(EnGb, $"{provider} has requested an uplift of {request.RequestedPercent:0.##}% in {round.Name} ({dps.Name}).\n\n")
                + "Decide it beside its benchmark context from the round's page in PlacementBroker.", $"uplift-request:{request.Id}:{address}"))], ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<UpliftRequestView>.Conflict("Your request was changed by someone else at the same moment: open it again.");
        }
        catch (DbUpdateException) when (existing is null)
        {
            // Another save of this provider's first request won the race: the request exists now.
            return Outcome<UpliftRequestView>.Conflict("Your request for this round was saved by someone else at the same moment: open it again.");
        }
        return Outcome<UpliftRequestView>.Success(await ViewAsync(actor, round, request, ct));
    }

    private static FieldErrors Validate(UpliftRequestInput input, bool complete)
    {
        var errors = new FieldErrors();
        if (input.RequestedPercent is not { } pct)
        {
            if (complete)
            {
                errors.Add("requestedPercent", "Enter the uplift you are requesting, as a percentage");
            }
        }
        else if (pct <= 0 || pct > MaxPercent || decimal.Round(pct, 2) != pct)
        {
            errors.Add("requestedPercent", "The uplift must be a percentage more than 0 and at most 100, with at most 2 decimal places");
        }
        var lines = input.CostBreakdown ?? [];
        if (complete && lines.Count == 0)
        {
            errors.Add("costBreakdown", "Give your costs for at least one heading: last year's and next year's");
        }
        var seen = new HashSet<CostCategory>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line?.Category is not { } category)
            {
                errors.Add($"costBreakdown[{i}].category", "Choose the cost heading");
                continue;
            }
            if (!seen.Add(category))
            {
                errors.Add($"costBreakdown[{i}].category", $"{Words.Name(category)} is given twice: give each heading once");
            }
            foreach (var (field, value, what) in new[] { ("lastYear", line.LastYear, "last year's"), ("nextYear", line.NextYear, "next year's") })
            {
                if (value is not { } v)
                {
                    if (complete)
                    {
                        errors.Add($"costBreakdown[{i}].{field}", $"Enter {what} {Words.InSentence(category)} cost, in pounds");
                    }
                }
                else if (v < 0 || v > MaxCost || decimal.Round(v, 2) != v)
                {
                    errors.Add($"costBreakdown[{i}].{field}", $"{char.ToUpperInvariant(what[0])}{what[1..]} {Words.InSentence(category)} cost must be £0 or more, in pounds and pence");
                }
            }
        }
        if (complete)
        {
            errors.Required("justification", input.Justification, "Explain why the uplift is needed");
        }
        if (input.Justification is { Length: > TextLengths.LongText })
        {
            errors.Add("justification", "The justification must be 4,000 characters or fewer");
        }
        return errors;
    }

    /// <summary>
    /// Accepts, part-accepts or refuses a submitted request, with a reason. In one transaction, under the lock each
    /// affected council's billing takes: the request is decided (once: a second decision loses with a conflict), every
    /// placement and block contract of the provider in scope gets its new price from the effective date or the first day
    /// its council has not billed, and each placement's agreement gets the variation.
    /// </summary>
    public async Task<Outcome<UpliftDecisionResult>> DecideAsync(Actor actor, Guid requestId, UpliftDecisionRequest input, CancellationToken ct = default)
    {
        var request = await db.UpliftRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId && r.Status != UpliftRequestStatus.Draft, ct);
        var round = request is null ? null : await db.UpliftRounds.AsNoTracking().SingleAsync(r => r.Id == request.UpliftRoundId, ct);
        var dps = round is null ? null : await access.DpsForAuthorityAsync(actor, round.DpsId, ct);
        if (Outcome<UpliftDecisionResult>.Refused(dps, "No such uplift request.", actor.Role == Role.Commissioner && dps?.Lead == true,
                "Only commissioners of the DPS's lead authority decide uplift requests.", out var refusal))
        {
            return refusal;
        }
        var errors = new FieldErrors();
        if (input.Decision is not { } decision)
        {
            errors.Add("decision", "Choose whether to accept, part-accept or refuse the request");
            decision = default;
        }
        else if (decision == UpliftDecision.PartAccept)
        {
            if (input.AgreedPercent is not { } part)
            {
                errors.Add("agreedPercent", "Enter the uplift agreed, as a percentage");
            }
            else if (part <= 0 || decimal.Round(part, 2) != part || part >= request!.RequestedPercent)
            {
                errors.Add("agreedPercent", string.Create(EnGb, $"The uplift agreed must be more than 0 and less than the {request!.RequestedPercent:0.##}% requested, with at most 2 decimal places"));
            }
        }
        else if (decision == UpliftDecision.Accept && input.AgreedPercent is { } given && given != request!.RequestedPercent)
        {
            errors.Add("agreedPercent", "Accepting agrees the uplift requested: to agree a different one, part-accept the request");
        }
        errors.Required("reason", input.Reason, "Give the reason for the decision: the provider reads it");
        if (input.Reason is { Length: > TextLengths.LongText })
        {
            errors.Add("reason", "The reason must be 4,000 characters or fewer");
        }
        if (errors.Any)
        {
            return Outcome<UpliftDecisionResult>.Invalid(errors);
        }
        if (request!.Status != UpliftRequestStatus.Submitted)
        {
            return Outcome<UpliftDecisionResult>.Conflict("The request has been decided already.");
        }
        var agreed = decision switch
        {
            UpliftDecision.Accept => request.RequestedPercent!.Value,
            UpliftDecision.PartAccept => input.AgreedPercent!.Value,
            _ => 0m,
        };
        var status = decision switch
        {
            UpliftDecision.Accept => UpliftRequestStatus.Accepted,
            UpliftDecision.PartAccept => UpliftRequestStatus.PartAccepted,
            _ => UpliftRequestStatus.Refused,
        };
        var reason = input.Reason!.Trim();
        var items = agreed > 0 ? await ScopeAsync(round!, request.ProviderId, ct) : [];
        var now = clock.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var won = await db.UpliftRequests.Where(r => r.Id == requestId && r.Status == UpliftRequestStatus.Submitted)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.AgreedPercent, agreed).SetProperty(r => r.DecisionReason, reason)
                .SetProperty(r => r.DecidedAt, now).SetProperty(r => r.DecidedByUserId, actor.UserId).SetProperty(r => r.UpdatedAt, now), ct);
        if (won == 0)
        {
            return Outcome<UpliftDecisionResult>.Conflict("The request has been decided already.");
        }
        var authorities = items.Select(i => i.LocalAuthorityId).Distinct().Order().ToList();
        foreach (var authority in authorities)
        {
            // The lock a billing run takes: a run and a decision for one council never interleave.
            await db.LocalAuthorities.Where(a => a.Id == authority).ExecuteUpdateAsync(a => a.SetProperty(x => x.StripeCustomerId, x => x.StripeCustomerId), ct);
        }
        var billedTo = (await db.BillingRuns.AsNoTracking().Where(r => authorities.Contains(r.LocalAuthorityId))
            .GroupBy(r => r.LocalAuthorityId).Select(g => new { g.Key, End = g.Max(r => r.PeriodEnd) }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.End);
        DateOnly FromFor(Guid authority) =>
            billedTo.TryGetValue(authority, out var billed) && billed >= round!.EffectiveFrom ? billed.AddDays(1) : round!.EffectiveFrom;

        var agreedBy = await VariationAuthor.OfAsync(db, actor, ct);
        var why = string.Create(EnGb, $"{round!.Name}: uplift of {agreed:0.##}% agreed by {dps!.Name}. {reason}");
        // The stored wording adds the round and the council to the commissioners' reason: kept within the column, with room for the block's note.
        why = why.Length > TextLengths.LongText - 60 ? why[..(TextLengths.LongText - 60)] : why;
        var changes = 0;
        var spotIds = items.Where(i => i.PlacementId is not null).Select(i => i.PlacementId!.Value).ToList();
        foreach (var placement in await db.Placements.Where(p => spotIds.Contains(p.Id)).ToListAsync(ct))
        {
            var from = FromFor(placement.LocalAuthorityId);
            if (placement.EndDate is { } end && from >= end)
            {
                continue;
            }
            await prices.StageAsync(placement, from, before => Uplifted(before, agreed), why, agreedBy, request.Id, ct);
            changes++;
        }
        var today = UkTime.Today(clock);
        var blockIds = items.Where(i => i.BlockContractId is not null).Select(i => i.BlockContractId!.Value).ToList();
        foreach (var block in await db.BlockContracts.Where(b => blockIds.Contains(b.Id)).ToListAsync(ct))
        {
            var from = FromFor(block.LocalAuthorityId);
            if (from > block.EndDate)
            {
                continue;
            }
            var variations = await db.BlockContractVariations.Where(v => v.BlockContractId == block.Id).ToListAsync(ct);
            var before = BlockTerms.On(BlockTerms.Fold(block, variations), from).WeeklyPricePerPlace;
            var after = Uplifted(before, agreed);
            StageBlockVariation(block, variations, new BlockContractVariation
            {
                BlockContractId = block.Id, EffectiveFrom = from, WeeklyPricePerPlace = after, Reason = why, AgreedByUserId = agreedBy.UserId, AgreedByName = agreedBy.Name,
                UpliftRequestId = request.Id, RecordedAt = now,
            }, today);
            // The children in the block's places: their agreements record the new price per place too.
            var placed = await db.Placements.AsNoTracking()
                .Where(p => p.BlockContractId == block.Id && p.StartDate < from && (p.EndDate == null || p.EndDate > from)).Select(p => p.Id).ToListAsync(ct);
            db.PlacementVariations.AddRange(placed.Select(id => new PlacementVariation
            {
                PlacementId = id, EffectiveFrom = from, Kind = VariationKind.PriceChange, WeeklyPriceBefore = before, WeeklyPriceAfter = after,
                Reason = why + " (the block contract's price per place)", AgreedByUserId = agreedBy.UserId, AgreedByName = agreedBy.Name, AgreedFor = agreedBy.For,
                UpliftRequestId = request.Id, RecordedAt = now,
            }));
            changes++;
        }
        await db.UpliftRequests.Where(r => r.Id == requestId).ExecuteUpdateAsync(s => s.SetProperty(r => r.PriceChanges, changes), ct);
        audit.Record(actor, "UpliftDecided", nameof(UpliftRequest), request.Id,
            string.Create(CultureInfo.InvariantCulture, $"{status}: {agreed:0.##}% of {request.RequestedPercent:0.##}% requested; {changes} re-priced"),
            localAuthorityId: actor.LocalAuthorityId, providerId: request.ProviderId);
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == request.ProviderId).Select(p => new { p.Name, p.ContactEmail }).SingleAsync(ct);
        await emails.QueueAsync(provider.ContactEmail, $"Uplift request {Words.InSentence(status)}: {round.Name}",
            string.Create(EnGb, $"{dps.Name} has {Words.InSentence(status)} {provider.Name}'s request for an uplift of {request.RequestedPercent:0.##}% in {round.Name}.\n\n")
            + (agreed > 0
                ? string.Create(EnGb, $"Uplift agreed: {agreed:0.##}%, from {round.EffectiveFrom:d MMMM yyyy}. {changes} placement{(changes == 1 ? "" : "s")} and block contract{(changes == 1 ? "" : "s")} re-priced; each placement's agreement records the variation.\n\n")
                : "No prices change.\n\n")
            + $"The commissioners' reason: {reason}", $"uplift-decision:{request.Id}", ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<UpliftDecisionResult>.Success(new UpliftDecisionResult(request.Id, status, agreed, changes));
    }

    /// <summary>
    /// Adds a variation to a block contract's unit of work and moves its fields on: the price in force today, and the
    /// places that can be filled. The caller checks the dates, the places taken and the billed periods, and saves.
    /// </summary>
    public void StageBlockVariation(BlockContract block, List<BlockContractVariation> variations, BlockContractVariation variation, DateOnly today)
    {
        block.FirstPlaces ??= block.Places;
        block.FirstWeeklyPricePerPlace ??= block.WeeklyPricePerPlace;
        db.BlockContractVariations.Add(variation);
        variations.Add(variation);
        var terms = BlockTerms.Fold(block, variations);
        block.WeeklyPricePerPlace = BlockTerms.On(terms, today).WeeklyPricePerPlace;
        block.Places = BlockTerms.FillablePlaces(terms, today);
    }

    private async Task<UpliftRound?> ProviderRoundAsync(Actor actor, Guid roundId, CancellationToken ct)
    {
        if (actor.ProviderId is not { } providerId)
        {
            return null;
        }
        var round = await db.UpliftRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        return round is not null && await access.IsMemberAsync(providerId, round.DpsId, ct) ? round : null;
    }

    private async Task<UpliftRequestView> ViewAsync(Actor actor, UpliftRound round, UpliftRequest request, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var dps = await db.DynamicPurchasingSystems.AsNoTracking().Where(d => d.Id == round.DpsId).Select(d => new { d.Name, d.LeadLocalAuthorityId }).SingleAsync(ct);
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == request.ProviderId).Select(p => p.Name).SingleAsync(ct);
        var all = (await ScopeAsync(round, request.ProviderId, ct)).Where(i => i.ActiveToday).ToList();
        // A council sees its own placements and block contracts one by one; others' only in the totals and each council's price summary.
        var items = actor.Role == Role.ProviderUser ? all : [.. all.Where(i => i.LocalAuthorityId == actor.LocalAuthorityId)];
        var names = await NamesAsync(all, ct);
        decimal? After(Item i) => request.AgreedPercent is { } pct ? Uplifted(i.PriceBefore, pct) : null;
        var inScope = items.Select(i => new InScopeItem(i.PlacementId, i.BlockContractId, i.Reference, names.Authorities[i.LocalAuthorityId], names.Lots[i.LotId],
            i.SettingId is { } s && names.Settings.TryGetValue(s, out var setting) ? setting : "Any of the provider's settings", i.Places, i.PriceBefore, After(i), i.AnnualSpend)).ToList();
        var before = all.Sum(i => i.AnnualSpend);
        var after = request.AgreedPercent is { } agreed ? all.Sum(i => PlacementRules.AnnualCost(Uplifted(i.PriceBefore, agreed), i.Places)) : before;
        var decidedBy = request.DecidedByUserId is { } by ? await db.Users.AsNoTracking().Where(u => u.Id == by).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) : null;
        var authoritySide = actor.Role == Role.Commissioner;
        return new UpliftRequestView(request.Id, round.Id, round.Name, round.DpsId, dps.Name, round.OpensOn, round.ClosesOn, round.EffectiveFrom, round.GuidancePercent,
            round.Guidance, StatusOf(round, today), request.ProviderId, provider, request.Status, request.RequestedPercent,
            [.. request.CostLines.OrderBy(l => l.Category).Select(l => new CostLineView(l.Category, l.LastYear, l.NextYear,
                l.LastYear == 0 ? null : Math.Round(100m * (l.NextYear - l.LastYear) / l.LastYear, 1, MidpointRounding.AwayFromZero)))],
            request.Justification, request.SubmittedAt, request.AgreedPercent, request.DecisionReason, request.DecidedAt,
            decidedBy is null ? null : authoritySide ? decidedBy : dps.Name, request.PriceChanges, inScope, before, after,
            authoritySide ? await BenchmarksAsync(round, request.ProviderId, items, all, names, ct) : null,
            authoritySide && actor.LocalAuthorityId == dps.LeadLocalAuthorityId && request.Status == UpliftRequestStatus.Submitted, request.UpdatedAt);
    }

    private sealed record Names(Dictionary<Guid, string> Authorities, Dictionary<Guid, string> Lots, Dictionary<Guid, string> Settings);

    private async Task<Names> NamesAsync(List<Item> items, CancellationToken ct)
    {
        var authorityIds = items.Select(i => i.LocalAuthorityId).Distinct().ToList();
        var lotIds = items.Select(i => i.LotId).Distinct().ToList();
        var settingIds = items.Where(i => i.SettingId is not null).Select(i => i.SettingId!.Value).Distinct().ToList();
        return new Names(
            await db.LocalAuthorities.AsNoTracking().Where(a => authorityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct),
            await db.Lots.AsNoTracking().Where(l => lotIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, ct),
            await db.Settings.AsNoTracking().Where(s => settingIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct));
    }

    /// <summary>The commissioners' context for a request: where each price sits in its market, the provider's prices to each council, QA and KPIs.</summary>
    private async Task<BenchmarkContext> BenchmarksAsync(UpliftRound round, Guid providerId, List<Item> items, List<Item> all, Names names, CancellationToken ct)
    {
        var spot = items.Where(i => i.PlacementId is not null).ToList();
        var contexts = new List<PriceContext>();
        foreach (var lot in spot.GroupBy(i => i.LotId))
        {
            var markets = PriceBenchmarkRules.Markets(await benchmarks.AcceptedPricesAsync(lot.Key, ct));
            foreach (var item in lot)
            {
                var market = markets.FirstOrDefault(m => m.Band == item.Band && m.Region == item.Region && m.UsedInMatching && item.Region is not null)
                    ?? markets.FirstOrDefault(m => m.Band == item.Band && m.Region is null && m.UsedInMatching)
                    ?? markets[0];
                var scope = market.Band is null ? "the whole lot" : market.Region is { } r ? $"{Words.InSentence(market.Band.Value)} in {Words.Name(r)}" : $"{Words.InSentence(market.Band.Value)} across the lot";
                var q = market.Prices;
                var position = q.Count == 0 || q.P25 is null || q.P75 is null || q.Median is null ? "No accepted prices to compare with yet"
                    : item.PriceBefore < q.P25 ? "Below the lower quartile"
                    : item.PriceBefore > q.P75 ? "Above the upper quartile"
                    : item.PriceBefore >= q.Median ? "Between the median and the upper quartile" : "Between the lower quartile and the median";
                contexts.Add(new PriceContext(item.PlacementId!.Value, item.Reference, names.Lots[item.LotId], item.Band, item.Region, item.PriceBefore, scope, q.Count,
                    q.P25, q.Median, q.P75, position));
            }
        }
        var councils = all.Where(i => i.PlacementId is not null).GroupBy(i => i.LocalAuthorityId).Select(g => new CouncilPrices(g.Key, names.Authorities[g.Key], g.Count(),
                Math.Round(g.Average(i => i.PriceBefore), 2, MidpointRounding.AwayFromZero), g.Min(i => i.PriceBefore), g.Max(i => i.PriceBefore)))
            .OrderBy(c => c.LocalAuthorityName, StringComparer.Ordinal).ToList();
        var qa = await quality.StatusAsync(providerId, ct);
        var openFlags = await db.QaFlags.CountAsync(f => f.ProviderId == providerId && f.Status == FlagStatus.Open, ct);
        var returns = (await contracts.ProviderReturnsAsync(providerId, ct)).Where(r => r.DpsId == round.DpsId).OrderByDescending(r => r.Quarter).Take(4)
            .Select(r => new KpiRecordLine(r.Quarter, Words.Name(r.Status), r.BelowTarget, r.Overdue)).ToList();
        var plan = await db.ImprovementPlans.AnyAsync(p => p.ProviderId == providerId && p.DpsId == round.DpsId && p.Status == ImprovementPlanStatus.Open, ct);
        return new BenchmarkContext(contexts, councils, qa?.Status ?? "Green", qa?.Reasons ?? [], openFlags, returns, plan);
    }

    /// <summary>A placement or block contract in a round's scope, with its price the day before the effective date.</summary>
    private sealed record Item(
        Guid? PlacementId, Guid? BlockContractId, Guid ProviderId, Guid LocalAuthorityId, Guid LotId, Guid? SettingId, int Places, decimal PriceBefore,
        bool ActiveToday, string Reference, NeedsBand Band, EnglishRegion? Region)
    {
        public decimal AnnualSpend => PlacementRules.AnnualCost(PriceBefore, Places);
    }

    private async Task<List<Item>> ScopeAsync(UpliftRound round, Guid? providerId, CancellationToken ct)
    {
        var lots = round.LotIds.Count > 0 ? round.LotIds : await db.Lots.AsNoTracking().Where(l => l.DpsId == round.DpsId).Select(l => l.Id).ToListAsync(ct);
        var from = round.EffectiveFrom;
        var dayBefore = from.AddDays(-1);
        var today = UkTime.Today(clock);
        var spotQuery = db.Placements.AsNoTracking()
            .Where(p => p.Kind == PlacementKind.Spot && p.StartDate < from && (p.EndDate == null || p.EndDate > from) && lots.Contains(p.Referral!.LotId));
        var blockQuery = db.BlockContracts.AsNoTracking().Where(b => b.StartDate < from && b.EndDate >= from && lots.Contains(b.LotId));
        if (providerId is { } only)
        {
            spotQuery = spotQuery.Where(p => p.ProviderId == only);
            blockQuery = blockQuery.Where(b => b.ProviderId == only);
        }
        var spots = await spotQuery
            .Select(p => new { p.Id, p.ProviderId, p.LocalAuthorityId, p.Referral!.LotId, p.Referral.NeedsBand, p.SettingId, p.Places, p.WeeklyPrice, p.Status, p.Reference })
            .Join(db.Settings, p => p.SettingId, s => s.Id, (p, s) => new { p, s.Region })
            .ToListAsync(ct);
        var ids = spots.Select(s => s.p.Id).ToList();
        var history = (await db.PlacementPriceChanges.AsNoTracking().Where(c => ids.Contains(c.PlacementId)).ToListAsync(ct)).ToLookup(c => c.PlacementId);
        var blocks = await blockQuery.ToListAsync(ct);
        var blockIds = blocks.Select(b => b.Id).ToList();
        var variations = (await db.BlockContractVariations.AsNoTracking().Where(v => blockIds.Contains(v.BlockContractId)).ToListAsync(ct)).ToLookup(v => v.BlockContractId);
        var items = spots.Select(x => new Item(x.p.Id, null, x.p.ProviderId, x.p.LocalAuthorityId, x.p.LotId, x.p.SettingId, Math.Max(1, x.p.Places),
                history[x.p.Id].Any() ? PriceChangeService.PriceOn([.. history[x.p.Id]], dayBefore) : x.p.WeeklyPrice,
                x.p.Status == PlacementStatus.Active, x.p.Reference, x.p.NeedsBand, x.Region))
            .ToList();
        foreach (var b in blocks)
        {
            var terms = BlockTerms.On(BlockTerms.Fold(b, variations[b.Id]), dayBefore);
            items.Add(new Item(null, b.Id, b.ProviderId, b.LocalAuthorityId, b.LotId, b.SettingId, terms.Places, terms.WeeklyPricePerPlace, b.EndDate >= today,
                $"Block contract {b.Id.ToString()[..8].ToUpperInvariant()}", default, null));
        }
        return items;
    }
}
