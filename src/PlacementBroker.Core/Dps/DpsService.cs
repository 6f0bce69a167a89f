namespace PlacementBroker.Core.Dps;

/// <summary>Commissioners run their DPSs: create, add lots, publish, close.</summary>
public class DpsService(PlacementBrokerDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<DynamicPurchasingSystem>> CreateAsync(Actor actor, CreateDpsRequest request, CancellationToken ct = default)
    {
        if (actor.Role != Role.Commissioner || actor.LocalAuthorityId is not { } lead)
        {
            return Outcome<DynamicPurchasingSystem>.Forbidden("Only commissioners create a DPS.");
        }
        var regime = request.Regime ?? DpsRegime.Pcr2015Dps;
        var name = request.Name?.Trim();
        var errors = new FieldErrors()
            .Required("name", name, "Enter the name of the DPS")
            .MaxLength("name", name, 200, "Name");
        var period = request.DecisionPeriodDays ?? DecisionPeriod.Pcr2015Days;
        if (DecisionPeriod.Refusal(regime, period) is { } refusal)
        {
            errors.Add("decisionPeriodDays", refusal);
        }
        var participants = (request.ParticipatingLocalAuthorityIds ?? []).Distinct().Where(id => id != lead).ToList();
        if (participants.Count > 0)
        {
            var known = await db.LocalAuthorities.Where(a => participants.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
            if (known.Count != participants.Count)
            {
                errors.Add("participatingLocalAuthorityIds", "Select participating local authorities that exist");
            }
        }
        if (errors.Any)
        {
            return Outcome<DynamicPurchasingSystem>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var draft = request.Draft ?? false;
        var dps = new DynamicPurchasingSystem
        {
            Name = name!,
            LeadLocalAuthorityId = lead,
            Regime = regime,
            DecisionPeriodDays = period,
            Status = draft ? DpsStatus.Draft : DpsStatus.Open,
            CreatedAt = now,
            PublishedAt = draft ? null : now,
            CreatedByUserId = actor.UserId,
            Participants = [.. participants.Select(id => new DpsParticipant { LocalAuthorityId = id })],
        };
        db.DynamicPurchasingSystems.Add(dps);
        audit.Record(actor, draft ? "DpsDrafted" : "DpsOpened", "Dps", dps.Id, $"{dps.Name} ({regime}, {period} working days)");
        await db.SaveChangesAsync(ct);
        return Outcome<DynamicPurchasingSystem>.Success(dps);
    }

    public async Task<Outcome<DynamicPurchasingSystem>> PublishAsync(Actor actor, Guid dpsId, CancellationToken ct = default)
    {
        var (dps, refusal) = await LeadDpsAsync(actor, dpsId, ct);
        if (dps is null)
        {
            return refusal!;
        }
        if (dps.Status == DpsStatus.Open)
        {
            return Outcome<DynamicPurchasingSystem>.Success(dps);
        }
        if (dps.Status == DpsStatus.Closed)
        {
            return Outcome<DynamicPurchasingSystem>.Conflict("A closed DPS cannot be reopened: set up a new one.");
        }
        dps.Status = DpsStatus.Open;
        dps.PublishedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, "DpsOpened", "Dps", dps.Id, dps.Name);
        await db.SaveChangesAsync(ct);
        return Outcome<DynamicPurchasingSystem>.Success(dps);
    }

    public async Task<Outcome<DynamicPurchasingSystem>> CloseAsync(Actor actor, Guid dpsId, string? reason, CancellationToken ct = default)
    {
        var (dps, refusal) = await LeadDpsAsync(actor, dpsId, ct);
        if (dps is null)
        {
            return refusal!;
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome<DynamicPurchasingSystem>.Invalid("reason", "Enter why the DPS is closing");
        }
        if (dps.Status == DpsStatus.Closed)
        {
            return Outcome<DynamicPurchasingSystem>.Success(dps);
        }
        dps.Status = DpsStatus.Closed;
        dps.ClosedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, "DpsClosed", "Dps", dps.Id, reason.Trim());
        await db.SaveChangesAsync(ct);
        return Outcome<DynamicPurchasingSystem>.Success(dps);
    }

    public async Task<Outcome<DpsLot>> AddLotAsync(Actor actor, Guid dpsId, AddLotRequest request, CancellationToken ct = default)
    {
        var (dps, refusal) = await LeadDpsAsync(actor, dpsId, ct);
        if (dps is null)
        {
            return refusal!.As<DpsLot>();
        }
        if (dps.Status == DpsStatus.Closed)
        {
            return Outcome<DpsLot>.BusinessRule("The DPS is closed: it takes no new lots.");
        }
        var name = request.Name?.Trim();
        var errors = new FieldErrors()
            .Required("name", name, "Enter the name of the lot")
            .MaxLength("name", name, 200, "Name");
        errors.Required("placementType", request.PlacementType, "Select the placement type");
        ValidatePrice(errors, "benchmarkWeeklyPrice", request.BenchmarkWeeklyPrice, "The benchmark weekly price");
        ValidatePrice(errors, "priceBandLower", request.PriceBandLower, "The lower price band");
        ValidatePrice(errors, "priceBandUpper", request.PriceBandUpper, "The upper price band");
        if (request.PriceBandLower is { } lower && request.PriceBandUpper is { } upper && lower > upper)
        {
            errors.Add("priceBandUpper", "The upper price band must be at least the lower one");
        }
        var questions = request.Questions ?? [];
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var id = string.IsNullOrWhiteSpace(q.Id) ? $"q{i + 1}" : q.Id.Trim();
            if (id.Length > 100)
            {
                errors.Add($"questions[{i}].id", "A question id must be 100 characters or fewer");
            }
            if (!keys.Add(id))
            {
                errors.Add($"questions[{i}].id", $"Question id '{id}' is used twice");
            }
            errors.Required($"questions[{i}].text", q.Text, "Enter the question")
                .MaxLength($"questions[{i}].text", q.Text, 2000, "A question")
                .MaxLength($"questions[{i}].guidance", q.Guidance, 2000, "Guidance");
        }
        if (errors.Any)
        {
            return Outcome<DpsLot>.Invalid(errors);
        }
        // A lot's name is one name whatever its case, on every database (ADR 0015).
        var lowerName = name!.ToLowerInvariant();
        if (await db.Lots.AnyAsync(l => l.DpsId == dpsId && (l.Name == name || l.Name.ToLower() == lowerName), ct))
        {
            return Outcome<DpsLot>.Conflict("This DPS already has a lot with that name.");
        }

        var lot = NewLot(request, dps.Id);
        db.Lots.Add(lot);
        audit.Record(actor, "LotAdded", "Lot", lot.Id, $"{lot.Name} in {dps.Name}");
        await db.SaveChangesAsync(ct);
        return Outcome<DpsLot>.Success(lot);
    }

    /// <summary>Price benchmarks are commercial data, not membership conditions: they may change at any time.</summary>
    public async Task<Outcome<DpsLot>> SetPricesAsync(Actor actor, Guid lotId, decimal? benchmark, decimal? lower, decimal? upper, CancellationToken ct = default)
    {
        var lot = await db.Lots.Include(l => l.Dps).SingleOrDefaultAsync(l => l.Id == lotId, ct);
        if (lot is null || actor.LocalAuthorityId is null || !await VisibleToAsync(lot.DpsId, actor.LocalAuthorityId.Value, ct))
        {
            return Outcome<DpsLot>.NotFound();
        }
        if (actor.Role != Role.Commissioner || lot.Dps!.LeadLocalAuthorityId != actor.LocalAuthorityId)
        {
            return Outcome<DpsLot>.Forbidden("Only the lead authority's commissioners change a lot's prices.");
        }
        var errors = new FieldErrors();
        ValidatePrice(errors, "benchmarkWeeklyPrice", benchmark, "The benchmark weekly price");
        ValidatePrice(errors, "priceBandLower", lower, "The lower price band");
        ValidatePrice(errors, "priceBandUpper", upper, "The upper price band");
        if (lower is { } l && upper is { } u && l > u)
        {
            errors.Add("priceBandUpper", "The upper price band must be at least the lower one");
        }
        if (errors.Any)
        {
            return Outcome<DpsLot>.Invalid(errors);
        }
        lot.BenchmarkWeeklyPrice = benchmark;
        lot.PriceBandLower = lower;
        lot.PriceBandUpper = upper;
        audit.Record(actor, "LotPricesChanged", "Lot", lot.Id, $"benchmark {benchmark}, band {lower}–{upper}");
        await db.SaveChangesAsync(ct);
        return Outcome<DpsLot>.Success(lot);
    }

    public const double MaxWeight = 3;

    /// <summary>How much each ranking criterion counts on this DPS: a multiplier from 0 (off) to 3, 1 by default.</summary>
    public async Task<Outcome<RankingWeightSettings>> SetWeightsAsync(Actor actor, Guid dpsId, RankingWeightSettings weights, CancellationToken ct = default)
    {
        var (dps, refusal) = await LeadDpsAsync(actor, dpsId, ct);
        if (dps is null)
        {
            return refusal!.As<RankingWeightSettings>();
        }
        var errors = new FieldErrors();
        foreach (var (field, value) in new[] { ("needs", weights.Needs), ("ofstedGrade", weights.OfstedGrade), ("price", weights.Price),
                     ("distance", weights.Distance), ("qaStatus", weights.QaStatus), ("trackRecord", weights.TrackRecord) })
        {
            if (double.IsNaN(value) || value < 0 || value > MaxWeight)
            {
                errors.Add(field, $"A weight is from 0 (not counted) to {MaxWeight}");
            }
        }
        if (errors.Any)
        {
            return Outcome<RankingWeightSettings>.Invalid(errors);
        }
        dps.Weights = weights;
        audit.Record(actor, "DpsWeightsChanged", "Dps", dps.Id,
            $"needs {weights.Needs}, grade {weights.OfstedGrade}, price {weights.Price}, distance {weights.Distance}, QA {weights.QaStatus}, record {weights.TrackRecord}");
        await db.SaveChangesAsync(ct);
        return Outcome<RankingWeightSettings>.Success(dps.Weights);
    }

    public async Task<RankingWeightSettings?> WeightsAsync(Actor actor, Guid dpsId, CancellationToken ct = default) =>
        actor.LocalAuthorityId is { } la && await VisibleToAsync(dpsId, la, ct)
            ? await db.DynamicPurchasingSystems.AsNoTracking().Where(d => d.Id == dpsId).Select(d => d.Weights).SingleAsync(ct)
            : null;

    /// <summary>Open DPSs with their lots: what providers may apply to and every signed-in user may browse.</summary>
    public async Task<List<DpsView>> ListAsync(Actor actor, bool includeOwnDrafts = true, CancellationToken ct = default)
    {
        var authority = actor.LocalAuthorityId;
        var query = db.DynamicPurchasingSystems.AsNoTracking()
            .Where(d => d.Status == DpsStatus.Open
                || (includeOwnDrafts && authority != null && d.LeadLocalAuthorityId == authority && d.Status == DpsStatus.Draft));
        return await ProjectAsync(query, ct);
    }

    /// <summary>The DPSs an authority leads or takes part in, in any state.</summary>
    public async Task<List<DpsView>> ListForAuthorityAsync(Guid localAuthorityId, CancellationToken ct = default) =>
        await ProjectAsync(db.DynamicPurchasingSystems.AsNoTracking()
            .VisibleTo(localAuthorityId), ct);

    public async Task<DpsView?> FindAsync(Actor actor, Guid dpsId, CancellationToken ct = default)
    {
        var found = await ProjectAsync(db.DynamicPurchasingSystems.AsNoTracking().Where(d => d.Id == dpsId), ct);
        var dps = found.SingleOrDefault();
        if (dps is null)
        {
            return null;
        }
        var visible = dps.Status == DpsStatus.Open
            || (actor.LocalAuthorityId is { } la && (dps.LeadLocalAuthorityId == la || dps.ParticipatingLocalAuthorityIds.Contains(la)))
            || actor.Role == Role.PlatformAdmin;
        return visible ? dps : null;
    }

    public Task<bool> VisibleToAsync(Guid dpsId, Guid localAuthorityId, CancellationToken ct = default) =>
        db.DynamicPurchasingSystems.VisibleTo(localAuthorityId).AnyAsync(d => d.Id == dpsId, ct);

    private async Task<List<DpsView>> ProjectAsync(IQueryable<DynamicPurchasingSystem> query, CancellationToken ct)
    {
        var rows = await query.OrderBy(d => d.Name).ThenBy(d => d.Id)
            .Select(d => new
            {
                d.Id, d.Name, d.Regime, d.Status, d.DecisionPeriodDays, d.LeadLocalAuthorityId,
                Lead = d.LeadLocalAuthority!.Name, d.PublishedAt,
                Participants = d.Participants.Select(p => p.LocalAuthorityId).ToList(),
                Lots = d.Lots.OrderBy(l => l.Name).Select(l => new
                {
                    l.Id, l.DpsId, l.Name, l.PlacementType, l.BenchmarkWeeklyPrice, l.PriceBandLower, l.PriceBandUpper,
                    Questions = l.Questions.OrderBy(q => q.Order).Select(q => new QuestionView(q.Key, q.Text, q.Guidance)).ToList(),
                }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return [.. rows.Select(d => new DpsView(d.Id, d.Name, d.Regime, d.Status, d.DecisionPeriodDays, d.LeadLocalAuthorityId, d.Lead,
            d.Participants, d.PublishedAt,
            [.. d.Lots.Select(l => new LotView(l.Id, l.DpsId, l.Name, l.PlacementType, l.BenchmarkWeeklyPrice, l.PriceBandLower, l.PriceBandUpper, l.Questions))]))];
    }

    /// <summary>The DPS if the actor is a commissioner of its lead authority; otherwise why not.</summary>
    private async Task<(DynamicPurchasingSystem? Dps, Outcome<DynamicPurchasingSystem>? Refusal)> LeadDpsAsync(Actor actor, Guid dpsId, CancellationToken ct)
    {
        var dps = await db.DynamicPurchasingSystems.SingleOrDefaultAsync(d => d.Id == dpsId, ct);
        if (dps is null || actor.LocalAuthorityId is not { } la || !await VisibleToAsync(dpsId, la, ct))
        {
            return (null, Outcome<DynamicPurchasingSystem>.NotFound("No such DPS."));
        }
        if (actor.Role != Role.Commissioner || dps.LeadLocalAuthorityId != la)
        {
            return (null, Outcome<DynamicPurchasingSystem>.Forbidden("Only commissioners of the lead authority run this DPS."));
        }
        return (dps, null);
    }

    /// <summary>
    /// A lot as a valid request describes it, its questions in the order given: a question without an id is
    /// <c>q1</c>, <c>q2</c>… by its place. The demo data makes its lots with this too.
    /// </summary>
    public static DpsLot NewLot(AddLotRequest request, Guid dpsId = default) => new()
    {
        DpsId = dpsId,
        Name = request.Name!.Trim(),
        PlacementType = request.PlacementType!.Value,
        BenchmarkWeeklyPrice = request.BenchmarkWeeklyPrice,
        PriceBandLower = request.PriceBandLower,
        PriceBandUpper = request.PriceBandUpper,
        Questions = [.. (request.Questions ?? []).Select((q, i) => new LotQuestion
        {
            Key = string.IsNullOrWhiteSpace(q.Id) ? $"q{i + 1}" : q.Id.Trim(),
            Text = q.Text!.Trim(),
            Guidance = string.IsNullOrWhiteSpace(q.Guidance) ? null : q.Guidance.Trim(),
            Order = i,
        })],
    };

    private static void ValidatePrice(FieldErrors errors, string field, decimal? price, string what)
    {
        if (price is { } p && (p <= 0 || p > 100_000))
        {
            errors.Add(field, $"{what} must be more than £0 and no more than £100,000 a week");
        }
        else if (price is { } q && decimal.Round(q, 2) != q)
        {
            errors.Add(field, $"{what} must be in pounds and pence");
        }
    }
}
