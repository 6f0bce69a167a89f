namespace PlacementBroker.Core.Referrals;

/// <summary>Providers' side of a referral: the anonymised inbox, offers (idempotent), withdrawals and declines; and the ranked views officers see.</summary>
public class OfferService(
    PlacementBrokerDbContext db, MatchService matching, ReferralService referrals, Placements.PlaceLedger places, IMarketplaceNotifier live, AuditTrail audit, TimeProvider clock,
    EmailOutbox emails)
{
    public async Task<Outcome<OfferCreated>> SubmitAsync(Actor actor, Guid referralId, SubmitOfferRequest request, string? idempotencyKey, CancellationToken ct = default)
    {
        if (actor.Role != Role.ProviderUser || actor.ProviderId is not { } providerId)
        {
            return Outcome<OfferCreated>.Forbidden("Only provider users make offers.");
        }
        if (!await Providers.ProviderVerification.IsVerifiedAsync(db, providerId, ct))
        {
            return Outcome<OfferCreated>.Forbidden(Providers.ProviderVerification.NotVerifiedMessage);
        }
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (key is { Length: > 200 })
        {
            return Outcome<OfferCreated>.Invalid("Idempotency-Key", "The Idempotency-Key must be 200 characters or fewer");
        }
        if (key is not null && await ReplayAsync(providerId, referralId, key, ct) is { } replay)
        {
            return replay;
        }
        var referral = await ReceivedAsync(providerId, referralId, ct);
        if (referral is null)
        {
            return Outcome<OfferCreated>.NotFound("No such referral.");
        }

        var errors = new FieldErrors();
        var vacancy = await errors.ChosenAsync("vacancyId", request.VacancyId,
            id => db.Vacancies.SingleOrDefaultAsync(v => v.Id == id && v.ProviderId == providerId, ct),
            "Select the vacancy you are offering", "Select one of your organisation's vacancies");
        if (vacancy is not null && vacancy.LotId != referral.LotId)
        {
            errors.Add("vacancyId", "Select a vacancy in the referral's lot");
        }
        if (request.WeeklyPrice is null)
        {
            errors.Add("weeklyPrice", "Enter the weekly price");
        }
        else if (request.WeeklyPrice is <= 0 or > 100_000 || decimal.Round(request.WeeklyPrice.Value, 2) != request.WeeklyPrice)
        {
            errors.Add("weeklyPrice", "The weekly price must be more than £0 and no more than £100,000, in pounds and pence");
        }
        var startDate = request.StartDate ?? referral.StartDate;
        if (startDate < UkTime.Today(clock).AddDays(-ReferralService.MaxRetrospectiveDays))
        {
            errors.Add("startDate", $"A start date can be at most {ReferralService.MaxRetrospectiveDays} days in the past");
        }
        if (request.OneToOneHoursPerWeek is < 0 or > 168)
        {
            errors.Add("oneToOneHoursPerWeek", "One-to-one hours must be from 0 to 168 a week");
        }
        errors.MaxLength("notes", request.Notes, 4000, "Notes");
        if (errors.Any)
        {
            return Outcome<OfferCreated>.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (referral.Status != ReferralStatus.Open)
        {
            return Outcome<OfferCreated>.Conflict($"The referral is {Words.InSentence(referral.Status)}: it takes no more offers.");
        }
        if (referral.OfferDeadline <= now)
        {
            return Outcome<OfferCreated>.Conflict("The deadline for offers has passed.");
        }
        if (vacancy!.Status != VacancyStatus.Open)
        {
            return Outcome<OfferCreated>.Conflict($"The vacancy is {Words.InSentence(vacancy.Status)}.");
        }
        if (vacancy.Places - vacancy.PlacesHeld < referral.SiblingGroupSize)
        {
            return Outcome<OfferCreated>.BusinessRule($"The vacancy has {vacancy.Places - vacancy.PlacesHeld} free place(s); the referral is for a sibling group of {referral.SiblingGroupSize}.");
        }
        if (await AgeRefusalAsync(referral, vacancy, startDate, ct) is { } unlawful)
        {
            return Outcome<OfferCreated>.BusinessRule(unlawful);
        }
        // One live offer per vacancy and referral; a unique index settles two submits racing past this check.
        if (await db.Offers.AnyAsync(o => o.ReferralId == referralId && o.VacancyId == vacancy.Id
                && (o.Status == OfferStatus.Submitted || o.Status == OfferStatus.PendingApproval || o.Status == OfferStatus.Accepted), ct))
        {
            return Outcome<OfferCreated>.Conflict("You have already offered this vacancy for this referral. Withdraw that offer to change it.");
        }
        var offer = new Offer
        {
            ReferralId = referralId,
            ProviderId = providerId,
            VacancyId = vacancy.Id,
            SettingId = vacancy.SettingId,
            WeeklyPrice = request.WeeklyPrice!.Value,
            StartDate = startDate,
            Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
            IncludesEducation = request.IncludesEducation ?? false,
            IncludesTherapy = request.IncludesTherapy ?? false,
            OneToOneHoursPerWeek = request.OneToOneHoursPerWeek,
            Status = OfferStatus.Submitted,
            IdempotencyKey = key,
            CreatedByUserId = actor.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Offers.Add(offer);
        // A provider that declined and then found a place has answered with an offer, not a decline.
        await db.ReferralRecipients.Where(r => r.ReferralId == referralId && r.ProviderId == providerId && r.DeclinedAt != null)
            .ForEachAsync(r => { r.DeclinedAt = null; r.DeclineReason = null; r.DeclineDetail = null; }, ct);
        audit.Record(actor, "OfferSubmitted", nameof(Offer), offer.Id, $"£{offer.WeeklyPrice}/week for referral {referralId}", providerId: providerId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two submits raced: the unique indexes kept the first. The same key gets the same offer; anything else is told.
            db.ChangeTracker.Clear();
            if (key is not null && await ReplayAsync(providerId, referralId, key, ct) is { } raced)
            {
                return raced;
            }
            return Outcome<OfferCreated>.Conflict("An offer of this vacancy for this referral was made at the same moment. Reload the referral to see it.");
        }

        var ranked = await matching.RankOffersAsync(referral, ct);
        var mine = ranked.Single(r => r.Candidate.Id == offer.Id);
        var providerName = await db.Providers.Where(p => p.Id == providerId).Select(p => p.Name).SingleAsync(ct);
        await live.OfferReceivedAsync(referral.CreatedByUserId, new OfferReceivedEvent(referralId, offer.Id, providerName, offer.WeeklyPrice, mine.Rank, mine.Score));
        return Outcome<OfferCreated>.Success(new OfferCreated(offer.Id, offer.Status, false));
    }

    public async Task<Outcome<OfferCreated>> WithdrawAsync(Actor actor, Guid offerId, CancellationToken ct = default)
    {
        var offer = actor.Role == Role.ProviderUser
            ? await db.Offers.Include(o => o.Referral).SingleOrDefaultAsync(o => o.Id == offerId && o.ProviderId == actor.ProviderId, ct)
            : null;
        if (offer is null)
        {
            return Outcome<OfferCreated>.NotFound("No such offer.");
        }
        if (offer.Status == OfferStatus.Withdrawn)
        {
            return Outcome<OfferCreated>.Success(new OfferCreated(offer.Id, offer.Status, true));
        }
        if (offer.Status is not (OfferStatus.Submitted or OfferStatus.PendingApproval))
        {
            return Outcome<OfferCreated>.Conflict($"The offer is {Words.InSentence(offer.Status)}: it can no longer be withdrawn.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (offer.Status == OfferStatus.PendingApproval)
        {
            await places.CloseHoldsAsync(offer.Id, offer.VacancyId, "The provider withdrew the offer", now, ct);
        }
        offer.Status = OfferStatus.Withdrawn;
        offer.UpdatedAt = now;
        audit.Record(actor, "OfferWithdrawn", nameof(Offer), offer.Id, providerId: offer.ProviderId);
        try
        {
            await places.SaveUnderReferralLockAsync(offer.ReferralId, now, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<OfferCreated>.Conflict("The offer changed at the same moment (it may have been accepted): it was not withdrawn.");
        }
        await live.OfferUpdatedAsync(offer.Referral!.CreatedByUserId, new OfferUpdatedEvent(offer.ReferralId, offer.Id, offer.Status, 0));
        return Outcome<OfferCreated>.Success(new OfferCreated(offer.Id, offer.Status, false));
    }

    /// <summary>A provider says no, with a reason: declines are data about unmet need.</summary>
    public async Task<Outcome<ProviderReferralView>> DeclineAsync(Actor actor, Guid referralId, DeclineRequest request, CancellationToken ct = default)
    {
        if (actor.Role != Role.ProviderUser || actor.ProviderId is not { } providerId)
        {
            return Outcome<ProviderReferralView>.Forbidden("Only provider users decline referrals.");
        }
        var recipient = await db.ReferralRecipients.SingleOrDefaultAsync(r => r.ReferralId == referralId && r.ProviderId == providerId, ct);
        if (recipient is null)
        {
            return Outcome<ProviderReferralView>.NotFound("No such referral.");
        }
        var errors = new FieldErrors().MaxLength("detail", request.Detail, 2000, "The detail")
            .Required("reason", request.Reason, "Select why you are declining")
            .RequiredWhen(request.Reason == DeclineReason.Other, "detail", request.Detail, "Say why you are declining");
        if (errors.Any)
        {
            return Outcome<ProviderReferralView>.Invalid(errors);
        }
        if (await db.Offers.AnyAsync(o => o.ReferralId == referralId && o.ProviderId == providerId
                && (o.Status == OfferStatus.Submitted || o.Status == OfferStatus.PendingApproval || o.Status == OfferStatus.Accepted), ct))
        {
            return Outcome<ProviderReferralView>.Conflict("You have an offer on this referral: withdraw it before declining.");
        }
        recipient.DeclinedAt = clock.GetUtcNow().UtcDateTime;
        recipient.DeclineReason = request.Reason;
        recipient.DeclineDetail = string.IsNullOrWhiteSpace(request.Detail) ? null : request.Detail.Trim();
        audit.Record(actor, "ReferralDeclined", nameof(Referral), referralId, request.Reason.ToString(), providerId: providerId);
        await db.SaveChangesAsync(ct);
        return Outcome<ProviderReferralView>.Success((await InboxAsync(actor, referralId, ct)).Single());
    }

    /// <summary>The referrals sent to the caller's provider, anonymised, newest first (the whole list, for in-process callers); or one of them, read by its id.</summary>
    public async Task<List<ProviderReferralView>> InboxAsync(Actor actor, Guid? referralId = null, CancellationToken ct = default) =>
        [.. (await InboxPageAsync(actor, referralId, fitsOnly: false, PageRequest.All, ct)).Items];

    /// <summary>One page of the referrals sent to the caller's provider, anonymised: newest first, then by referral; optionally only those that fit.</summary>
    public Task<Paged<ProviderReferralView>> InboxAsync(Actor actor, PageRequest page, bool fitsOnly = false, CancellationToken ct = default) =>
        InboxPageAsync(actor, null, fitsOnly, page, ct);

    private async Task<Paged<ProviderReferralView>> InboxPageAsync(Actor actor, Guid? referralId, bool fitsOnly, PageRequest page, CancellationToken ct)
    {
        if (actor.Role != Role.ProviderUser || actor.ProviderId is not { } providerId)
        {
            return new Paged<ProviderReferralView>([], 0, page);
        }
        var query = db.ReferralRecipients.AsNoTracking().Where(r => r.ProviderId == providerId);
        if (referralId is { } id)
        {
            query = query.Where(r => r.ReferralId == id);
        }
        if (fitsOnly)
        {
            query = query.Where(r => r.Fits);
        }
        var recipients = await query.OrderByDescending(r => r.NotifiedAt).ThenByDescending(r => r.ReferralId).ToPagedAsync(page, ct);
        var referralIds = recipients.Items.Select(r => r.ReferralId).ToList();
        var loaded = await db.Referrals.AsNoTracking().Where(x => referralIds.Contains(x.Id))
            .Select(x => new { Referral = x, Lot = db.Lots.Where(l => l.Id == x.LotId).Select(l => l.Name).First() })
            .ToDictionaryAsync(x => x.Referral.Id, ct);
        var rows = recipients.Items.Select(r => new { Recipient = r, loaded[r.ReferralId].Referral, loaded[r.ReferralId].Lot }).ToList();
        var ids = rows.Select(r => r.Referral.Id).ToList();
        var offers = await db.Offers.AsNoTracking().Where(o => o.ProviderId == providerId && ids.Contains(o.ReferralId))
            .Select(o => new { o.ReferralId, o.Status, Summary = new ProviderOfferSummary(o.Id, o.VacancyId, o.WeeklyPrice, o.Status) { Shortlisted = o.ShortlistedAt != null } })
            .ToListAsync(ct);
        var placedNow = (await db.Placements.AsNoTracking()
            .Where(p => p.ProviderId == providerId && ids.Contains(p.ReferralId) && p.Status == Placements.PlacementStatus.Active)
            .Select(p => p.ReferralId).ToListAsync(ct)).ToHashSet();
        var views = new List<ProviderReferralView>();
        foreach (var row in rows)
        {
            var r = row.Referral;
            // Which vacancies fit is worked out for one referral at a time; the list relies on the fit found at publication.
            var fitting = referralId is not null && r.Status == ReferralStatus.Open
                ? (await matching.EligibleVacanciesByProviderAsync(r, [providerId], ct)).GetValueOrDefault(providerId) ?? []
                : [];
            views.Add(new ProviderReferralView(r.Id, r.LotId, row.Lot, r.Urgency, r.StartDate, r.Duration, MatchService.AgeOn(r.ChildDateOfBirth, r.StartDate),
                r.ChildGender, r.SiblingGroupSize, r.Needs, r.MustHaveNeeds, Postcode.District(r.HomePostcode) ?? "", r.OfferDeadline, r.Status,
                referralId is not null && r.Status == ReferralStatus.Open ? fitting.Count > 0 : row.Recipient.Fits, fitting,
                row.Recipient.DeclinedAt is not null, row.Recipient.DeclineReason,
                [.. offers.Where(o => o.ReferralId == r.Id).Select(o => o.Summary)], row.Recipient.NotifiedAt)
            {
                ProviderSummary = r.ProviderSummary,
                Stage = Sharing.SharingService.StageOf(r.Status, placedNow.Contains(r.Id),
                    offers.Any(o => o.ReferralId == r.Id && o.Summary.Shortlisted && o.Status is OfferStatus.Submitted or OfferStatus.PendingApproval)),
            });
        }
        return new Paged<ProviderReferralView>(views, recipients.Info);
    }

    /// <summary>
    /// The offers their providers withdrew from the referral, latest first, for its own authority's officers and
    /// managers (empty for anyone else): a withdrawn offer leaves the ranking, and the officer is told it went.
    /// </summary>
    public async Task<List<WithdrawnOfferView>> WithdrawnOffersAsync(Actor actor, Guid referralId, CancellationToken ct = default)
    {
        if (!await referrals.IsOwnAsync(actor, referralId, ct))
        {
            return [];
        }
        return await db.Offers.AsNoTracking().Where(o => o.ReferralId == referralId && o.Status == OfferStatus.Withdrawn)
            .OrderByDescending(o => o.UpdatedAt).ThenBy(o => o.Id)
            .Select(o => new WithdrawnOfferView(o.Id, db.Providers.Where(p => p.Id == o.ProviderId).Select(p => p.Name).First(),
                db.Settings.Where(x => x.Id == o.SettingId).Select(x => x.Name).First(), o.WeeklyPrice, o.UpdatedAt))
            .ToListAsync(ct);
    }

    /// <summary>The referral's offers ranked and explained, for its own authority's officers and managers.</summary>
    public async Task<List<OfferView>?> RankedOffersAsync(Actor actor, Guid referralId, CancellationToken ct = default)
    {
        var referral = await referrals.OwnAsync(actor, referralId, ct);
        if (referral is null)
        {
            return null;
        }
        var ranked = await matching.RankOffersAsync(referral, ct);
        var ids = ranked.Select(r => r.Candidate.Id).ToList();
        var details = await db.Offers.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new
            {
                Offer = o,
                Provider = db.Providers.Where(p => p.Id == o.ProviderId).Select(p => p.Name).First(),
                Setting = db.Settings.Where(s => s.Id == o.SettingId).Select(s => s.Name).First(),
                Declared = db.Settings.Where(s => s.Id == o.SettingId).Select(s => s.DeclaredOfstedGrade).First(),
            })
            .ToDictionaryAsync(o => o.Offer.Id, ct);
        // The decisions asked of a manager on these offers, the latest for each: the officer sees what was decided and why.
        var approvals = (await db.Approvals.AsNoTracking().Where(a => ids.Contains(a.OfferId))
                .Select(a => new { a.Id, a.OfferId, a.Status, a.DecisionReason, a.RequestedAt, a.PlacementId }).ToListAsync(ct))
            .GroupBy(a => a.OfferId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.RequestedAt).First());
        var placementIds = await db.Placements.AsNoTracking().Where(p => p.ReferralId == referralId).Select(p => new { p.OfferId, p.Id })
            .ToDictionaryAsync(p => p.OfferId, p => p.Id, ct);
        var benchmarks = await matching.BenchmarksAsync(referral, ct);
        // Block places first: a contract of this provider and lot with a free place is suggested on the offer.
        var blocks = (await db.BlockContracts.AsNoTracking()
                .Where(b => b.LocalAuthorityId == referral.LocalAuthorityId && b.LotId == referral.LotId).ToListAsync(ct))
            .Select(Placements.BlockContractSlot.Of)
            .ToList();
        return [.. ranked.Select(r =>
        {
            var d = details[r.Candidate.Id];
            return new OfferView(d.Offer.Id, referralId, d.Offer.ProviderId, d.Provider, d.Offer.SettingId, d.Setting, d.Offer.VacancyId, d.Offer.WeeklyPrice,
                d.Offer.StartDate, d.Offer.Notes, d.Offer.IncludesEducation, d.Offer.IncludesTherapy, d.Offer.OneToOneHoursPerWeek, d.Offer.Status, r.Rank,
                r.Score, r.Eligible, [.. r.Exclusions.Select(e => e.Text)], r.RequiresApproval, r.ApprovalReasons, Explain(r), r.DistanceMiles,
                r.Candidate.OfstedGrade, d.Offer.CreatedAt,
                Placements.BlockContractChoice.Suggest(blocks, d.Offer.ProviderId, referral.LotId, d.Offer.SettingId, referral.SiblingGroupSize, d.Offer.StartDate)?.Id)
            {
                OfstedGradeConfirmed = d.Declared is null,
                DeclaredOfstedGrade = d.Declared,
                ExceptionPossible = !r.Eligible && r.Exclusions.All(e => MatchingEngine.ManagerMayWaive(e.Rule)),
                Benchmark = benchmarks.For(r.Candidate.Region) is var b ? b.Benchmark ?? b.UpperQuartile : null,
                ApprovalId = approvals.GetValueOrDefault(d.Offer.Id)?.Id,
                ApprovalStatus = approvals.GetValueOrDefault(d.Offer.Id)?.Status,
                ApprovalDecisionReason = approvals.GetValueOrDefault(d.Offer.Id)?.DecisionReason,
                PlacementId = placementIds.TryGetValue(d.Offer.Id, out var placed) ? placed : null,
                Shortlisted = d.Offer.ShortlistedAt is not null,
            };
        })];
    }

    /// <summary>
    /// The provider's open vacancies in the referral's lot, each judged against the referral: before it offers one, a
    /// provider sees which must-have needs (and any other rule) the vacancy does not meet. Null when the referral was not sent to it.
    /// </summary>
    public async Task<Dictionary<Guid, VacancyFit>?> VacancyFitAsync(Actor actor, Guid referralId, CancellationToken ct = default)
    {
        if (actor.Role != Role.ProviderUser || actor.ProviderId is not { } providerId || await ReceivedAsync(providerId, referralId, ct) is not { } referral)
        {
            return null;
        }
        return (await matching.JudgeProviderVacanciesAsync(referral, providerId, ct)).ToDictionary(j => j.Key, j => new VacancyFit(
            j.Key, j.Value.Eligible,
            [.. referral.MustHaveNeeds.Where(n => !j.Value.Candidate.NeedsMet.Contains(n)).Distinct().OrderBy(n => n)],
            [.. j.Value.Exclusions.Select(e => e.Text)]));
    }

    /// <summary>
    /// The placing officer asks the provider of an offer that does not fit to update its vacancy: the provider is emailed what
    /// the vacancy does not meet. The offer is judged again against the vacancy as soon as it changes.
    /// </summary>
    public async Task<Outcome<OfferCreated>> AskProviderToUpdateAsync(Actor actor, Guid offerId, CancellationToken ct = default)
    {
        if (actor.Role != Role.PlacingOfficer || actor.LocalAuthorityId is not { } authorityId)
        {
            return Outcome<OfferCreated>.Forbidden("Only placing officers ask providers to update their offers.");
        }
        var offer = await db.Offers.AsNoTracking().Include(o => o.Referral)
            .SingleOrDefaultAsync(o => o.Id == offerId && o.Referral!.LocalAuthorityId == authorityId, ct);
        if (offer is null)
        {
            return Outcome<OfferCreated>.NotFound("No such offer.");
        }
        if (offer.Status != OfferStatus.Submitted || offer.Referral!.Status != ReferralStatus.Open)
        {
            return Outcome<OfferCreated>.Conflict($"The offer is {Words.InSentence(offer.Status)}: there is nothing for the provider to update.");
        }
        var assessed = (await matching.RankOffersAsync(offer.Referral, ct)).SingleOrDefault(r => r.Candidate.Id == offerId);
        if (assessed is null || assessed.Eligible)
        {
            return Outcome<OfferCreated>.Conflict("The offer meets the referral's requirements: there is nothing for the provider to update.");
        }
        var contact = await db.Providers.AsNoTracking().Where(p => p.Id == offer.ProviderId).Select(p => p.ContactEmail).SingleAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await emails.QueueAsync(contact, "A placing officer asks you to update your vacancy",
            $"A placing officer is interested in your offer on referral /provider/referrals/{offer.ReferralId}, but the vacancy you offered does not meet it:\n- "
            + string.Join("\n- ", assessed.Exclusions.Select(e => e.Text))
            + $"\n\nIf the setting can meet these, update the vacancy (/provider/vacancies/{offer.VacancyId}/edit): your offer is judged again at once.",
            reference: $"offer-update-asked:{offer.Id}:{now:yyyyMMddHHmm}", ct: ct);
        audit.Record(actor, "OfferUpdateAsked", nameof(Offer), offer.Id, string.Join("; ", assessed.Exclusions.Select(e => e.Text)), providerId: offer.ProviderId);
        await db.SaveChangesAsync(ct);
        return Outcome<OfferCreated>.Success(new OfferCreated(offer.Id, offer.Status, false));
    }

    /// <summary>The potential matches: vacancies of the lot ranked for the referral.</summary>
    public async Task<List<MatchView>?> MatchesAsync(Actor actor, Guid referralId, CancellationToken ct = default) =>
        (await PotentialMatchesAsync(actor, referralId, ct))?.Matches;

    /// <summary>The potential matches, with how many vacancies they were chosen from (the nearest, when there were more than the limit).</summary>
    public async Task<PotentialMatchesView?> PotentialMatchesAsync(Actor actor, Guid referralId, CancellationToken ct = default)
    {
        var referral = await referrals.OwnAsync(actor, referralId, ct);
        if (referral is null)
        {
            return null;
        }
        var potential = await matching.PotentialMatchesAsync(referral, ct);
        var ranked = potential.Matches;
        var settingIds = ranked.Select(r => r.Candidate.SettingId).Distinct().ToList();
        var settings = await db.Settings.AsNoTracking().Where(s => settingIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.Postcode, s.DeclaredOfstedGrade, Provider = s.Provider!.Name }).ToDictionaryAsync(s => s.Id, ct);
        return new PotentialMatchesView([.. ranked.Select(r =>
        {
            var s = settings[r.Candidate.SettingId];
            return new MatchView(r.Candidate.Id, r.Candidate.ProviderId, s.Provider, s.Id, s.Name, Postcode.District(s.Postcode) ?? "", r.Candidate.WeeklyPrice,
                r.DistanceMiles, r.Rank, r.Score, r.Eligible, [.. r.Exclusions.Select(e => e.Text)], r.RequiresApproval, r.ApprovalReasons, Explain(r))
            {
                OfstedGrade = r.Candidate.OfstedGrade,
                OfstedGradeConfirmed = s.DeclaredOfstedGrade is null,
                DeclaredOfstedGrade = s.DeclaredOfstedGrade,
            };
        })], potential.VacanciesConsidered, potential.VacanciesFound);
    }

    /// <summary>
    /// Nobody is offered a place outside the ages it is registered for, nor against the law on age: the child's age is
    /// taken on the offer's start date, the day the placement would begin.
    /// </summary>
    private async Task<string?> AgeRefusalAsync(Referral referral, Vacancy vacancy, DateOnly startDate, CancellationToken ct)
    {
        var age = MatchService.AgeOn(referral.ChildDateOfBirth, startDate);
        if (age < vacancy.AgeMin || age > vacancy.AgeMax)
        {
            return $"The vacancy takes ages {vacancy.AgeMin} to {vacancy.AgeMax}; the child will be {age} on the start date.";
        }
        var placementType = await db.Lots.AsNoTracking().Where(l => l.Id == referral.LotId).Select(l => l.PlacementType).SingleAsync(ct);
        return PlacementLaw.ChildAgeRefusal(placementType, age) is { } unlawful ? unlawful + "." : null;
    }

    private static List<ExplanationView> Explain(MatchResult r) => [.. r.Explanation.Select(e => new ExplanationView(e.Criterion.ToString(), e.Points, e.Text))];

    private async Task<Referral?> ReceivedAsync(Guid providerId, Guid referralId, CancellationToken ct) =>
        await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId && db.ReferralRecipients.Any(x => x.ReferralId == r.Id && x.ProviderId == providerId), ct);

    private async Task<Outcome<OfferCreated>?> ReplayAsync(Guid providerId, Guid referralId, string key, CancellationToken ct)
    {
        var existing = await db.Offers.AsNoTracking().SingleOrDefaultAsync(o => o.ProviderId == providerId && o.IdempotencyKey == key, ct);
        if (existing is null)
        {
            return null;
        }
        return existing.ReferralId == referralId
            ? Outcome<OfferCreated>.Success(new OfferCreated(existing.Id, existing.Status, true))
            : Outcome<OfferCreated>.Conflict("That Idempotency-Key was already used for an offer on another referral.");
    }
}
