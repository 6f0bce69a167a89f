namespace PlacementBroker.Core.Referrals;

/// <summary>
/// Placing officers' referrals: written, published to every admitted provider of the lot (the DPS call-off),
/// withdrawn, re-broadcast with widened criteria. Only the owning authority sees the child's identity, and
/// every such read is audited.
/// </summary>
public class ReferralService(
    PlacementBrokerDbContext db, IGeocoder geocoder, MatchService matching, EmailOutbox emails, IMarketplaceNotifier live,
    AuditTrail audit, Placements.PlaceLedger places, Sharing.IDocumentStore documents, TimeProvider clock)
{
    public const int MaxRetrospectiveDays = 30;

    public static readonly Role[] AuthorityReaders = [Role.PlacingOfficer, Role.PlacementManager];

    public Task<Outcome<ReferralCreated>> CreateAsync(Actor actor, CreateReferralRequest request, CancellationToken ct = default) =>
        SaveAsync(actor, request, null, ct);

    /// <summary>
    /// Changes a draft with the same rules as writing one (the check-your-answers "Change" links). The draft stays a
    /// draft unless <c>draft: false</c> is sent, which publishes it as well.
    /// </summary>
    public async Task<Outcome<ReferralCreated>> UpdateDraftAsync(Actor actor, Guid referralId, CreateReferralRequest request, CancellationToken ct = default)
    {
        var draft = await OwnDraftAsync(actor, referralId, "Only placing officers change referrals.",
            "The referral has already been sent: only a draft can be changed.", ct);
        return draft.Succeeded
            ? await SaveAsync(actor, request with { Draft = request.Draft ?? true }, draft.Value!, ct)
            : draft.As<ReferralCreated>();
    }

    /// <summary>
    /// The rules on each answer of a referral, without saving anything: writing or changing one checks these first, and
    /// the question pages check one section's answers with them as the officer goes. Rules only the whole referral can
    /// break (the law on age for the lot, a home that cannot be located) are checked when it is saved.
    /// </summary>
    public async Task<FieldErrors> ValidateAsync(Actor actor, CreateReferralRequest request, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkTime.Today(clock);
        var errors = new FieldErrors();
        if (request.LotId is null)
        {
            errors.Add("lotId", "Select the lot (the type of placement)");
        }
        // A DPS closed to new applications still serves its members: only drafts take no referrals.
        else if (actor.LocalAuthorityId is not { } authorityId
            || !await db.Lots.VisibleTo(authorityId).AnyAsync(l => l.Id == request.LotId && l.Dps!.Status != DpsStatus.Draft, ct))
        {
            errors.Add("lotId", "Select a lot of a DPS your authority uses");
        }
        errors.Required("urgency", request.Urgency, "Select how urgent the placement is");
        errors.Required("duration", request.Duration, "Select the expected duration");
        if (request.StartDate is null)
        {
            errors.Add("startDate", "Enter the required start date");
        }
        else if (request.StartDate < today.AddDays(-MaxRetrospectiveDays))
        {
            errors.Add("startDate", $"A start date can be at most {MaxRetrospectiveDays} days in the past, for a placement recorded afterwards");
        }
        else if (request.StartDate > today.AddYears(1))
        {
            errors.Add("startDate", "The start date must be within the next year");
        }
        ValidateChild(request.Child, request.StartDate ?? today, today, errors);
        if (request.ProviderSummary is { Length: > Sharing.ProviderSummaryCheck.MaxLength })
        {
            errors.Add("providerSummary", $"The provider summary must be {Sharing.ProviderSummaryCheck.MaxLength:N0} characters or fewer");
        }
        else if (Sharing.ProviderSummaryCheck.Error(request.ProviderSummary, request.Child?.FirstName, request.Child?.LastName, request.Child?.Reference,
                request.Child?.DateOfBirth) is { } identifying)
        {
            errors.Add("providerSummary", identifying);
        }

        var postcode = HomePostcode(request);
        errors.Required("homePostcode", request.HomePostcode, postcode is not null,
            "Enter the child's home postcode or postcode district", "Enter a UK postcode, like LS6 2AB, or a postcode district, like LS6");
        errors.Coordinates("homeLatitude", "homeLongitude", request.HomeLatitude, request.HomeLongitude, "The home's coordinates");
        if (request.MaxDistanceMiles is null)
        {
            errors.Add("maxDistanceMiles", "Enter the furthest distance from home in miles");
        }
        else if (request.MaxDistanceMiles is <= 0 or > 1000)
        {
            errors.Add("maxDistanceMiles", "The maximum distance must be more than 0 and at most 1,000 miles");
        }
        if (request.WeeklyBudget is null)
        {
            errors.Add("weeklyBudget", "Enter the weekly budget");
        }
        else if (request.WeeklyBudget is <= 0 or > 100_000)
        {
            errors.Add("weeklyBudget", "The weekly budget must be more than £0 and no more than £100,000");
        }
        if (request.OfferDeadline is null)
        {
            errors.Add("offerDeadline", "Enter the deadline for offers");
        }
        else if (AsUtc(request.OfferDeadline.Value) <= now)
        {
            errors.Add("offerDeadline", "The deadline for offers must be in the future");
        }
        else if (AsUtc(request.OfferDeadline.Value) > now.AddDays(30))
        {
            errors.Add("offerDeadline", "The deadline for offers must be within 30 days");
        }
        return errors;
    }

    /// <summary>The home postcode as saved: a full postcode normalised, or a district.</summary>
    private static string? HomePostcode(CreateReferralRequest request) =>
        Postcode.Normalise(request.HomePostcode) ?? Postcode.District(request.HomePostcode);

    /// <summary>Writes a new referral, or changes a draft (<paramref name="draft"/>), under the same rules.</summary>
    private async Task<Outcome<ReferralCreated>> SaveAsync(Actor actor, CreateReferralRequest request, Referral? draft, CancellationToken ct)
    {
        if (actor.Role != Role.PlacingOfficer || actor.LocalAuthorityId is not { } authorityId)
        {
            return Outcome<ReferralCreated>.Forbidden("Only placing officers write referrals.");
        }
        var errors = await ValidateAsync(actor, request, ct);
        if (errors.Any)
        {
            return Outcome<ReferralCreated>.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkTime.Today(clock);
        if (await AgeLawRefusalAsync(request.LotId!.Value, request.Child!.DateOfBirth!.Value, request.StartDate!.Value, ct) is { } unlawful)
        {
            return Outcome<ReferralCreated>.BusinessRule("child.dateOfBirth", unlawful);
        }

        var postcode = HomePostcode(request);
        var coordinates = request.HomeLatitude is { } lat && request.HomeLongitude is { } lon
            ? new Coordinates(lat, lon)
            : await geocoder.LocateAsync(postcode!, ct);
        var outOfArea = request.OutOfAreaRequired ?? false;
        if (coordinates is null && !outOfArea)
        {
            return Outcome<ReferralCreated>.Invalid("homePostcode",
                $"We could not find where {Postcode.District(postcode)} is. Check the postcode is right, or say that out of area is required");
        }

        var child = request.Child!;
        var mustHave = (child.MustHaveNeeds ?? []).Distinct().Order().ToList();
        var referral = draft ?? new Referral
        {
            LocalAuthorityId = authorityId,
            CreatedByUserId = actor.UserId,
            Status = ReferralStatus.Draft,
            ChildReference = "",
            ChildFirstName = "",
            ChildLastName = "",
            HomePostcode = "",
            CreatedAt = now,
        };
        referral.LotId = request.LotId!.Value;
        referral.Urgency = request.Urgency!.Value;
        referral.StartDate = request.StartDate!.Value;
        referral.Duration = request.Duration!.Value;
        referral.ChildReference = child.Reference!.Trim();
        referral.ChildFirstName = child.FirstName!.Trim();
        referral.ChildLastName = child.LastName!.Trim();
        referral.ChildDateOfBirth = child.DateOfBirth!.Value;
        referral.ChildGender = child.Gender!.Value;
        referral.SiblingGroupSize = child.SiblingGroupSize ?? 1;
        referral.Needs = [.. (child.Needs ?? []).Union(mustHave).Distinct().Order()];
        referral.MustHaveNeeds = mustHave;
        referral.WishesAndFeelings = Trimmed(child.WishesAndFeelings);
        referral.LegalStatus = Trimmed(child.LegalStatus);
        referral.RiskSummary = Trimmed(child.RiskSummary);
        referral.CulturalNeeds = Trimmed(child.CulturalNeeds);
        referral.ProviderSummary = Trimmed(request.ProviderSummary);
        referral.HomePostcode = postcode!;
        referral.HomeLatitude = coordinates?.Latitude;
        referral.HomeLongitude = coordinates?.Longitude;
        referral.MaxDistanceMiles = request.MaxDistanceMiles!.Value;
        referral.OutOfAreaRequired = outOfArea;
        referral.WeeklyBudget = request.WeeklyBudget!.Value;
        referral.OfferDeadline = AsUtc(request.OfferDeadline!.Value);
        referral.Retrospective = request.StartDate < today;
        referral.UpdatedAt = now;
        if (draft is null)
        {
            db.Referrals.Add(referral);
            audit.Record(actor, "ReferralCreated", nameof(Referral), referral.Id, $"child {referral.ChildReference}");
        }
        else
        {
            audit.Record(actor, "ReferralDraftChanged", nameof(Referral), referral.Id, $"child {referral.ChildReference}");
        }
        await db.SaveChangesAsync(ct);
        if (request.Draft == true)
        {
            return Outcome<ReferralCreated>.Success(new ReferralCreated(referral.Id, referral.Status, 0));
        }
        var notified = await PublishAsync(actor, referral, ct);
        return Outcome<ReferralCreated>.Success(new ReferralCreated(referral.Id, referral.Status, notified));
    }

    public async Task<Outcome<ReferralCreated>> PublishDraftAsync(Actor actor, Guid referralId, CancellationToken ct = default)
    {
        var draft = await OwnDraftAsync(actor, referralId, "Only placing officers publish referrals.", "The referral has already been published.", ct);
        if (!draft.Succeeded)
        {
            return draft.As<ReferralCreated>();
        }
        var referral = draft.Value!;
        if (referral.OfferDeadline <= clock.GetUtcNow().UtcDateTime)
        {
            return Outcome<ReferralCreated>.BusinessRule("The deadline for offers has passed: set a new one before publishing.");
        }
        if (await AgeLawRefusalAsync(referral.LotId, referral.ChildDateOfBirth, referral.StartDate, ct) is { } unlawful)
        {
            return Outcome<ReferralCreated>.BusinessRule("child.dateOfBirth", unlawful);
        }
        var notified = await PublishAsync(actor, referral, ct);
        return Outcome<ReferralCreated>.Success(new ReferralCreated(referral.Id, referral.Status, notified));
    }

    /// <summary>The officer's own draft, or why not: another's referral is not found, one already sent is a conflict.</summary>
    private async Task<Outcome<Referral>> OwnDraftAsync(Actor actor, Guid referralId, string forbidden, string sent, CancellationToken ct)
    {
        var referral = await OwnAsync(actor, referralId, ct);
        if (Outcome<Referral>.Refused(referral, "No such referral.", actor.Role == Role.PlacingOfficer, forbidden, out var refused))
        {
            return refused;
        }
        return referral.Status == ReferralStatus.Draft ? Outcome<Referral>.Success(referral) : Outcome<Referral>.Conflict(sent);
    }

    /// <summary>The DPS call-off: every admitted, unsuspended provider of the lot receives it; the live alert goes to those it fits or who asked for all.</summary>
    private async Task<int> PublishAsync(Actor actor, Referral referral, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var providers = await db.LotMemberships.AsNoTracking()
            // An unverified provider is never sent a referral, even if it somehow holds a membership.
            .Where(m => m.LotId == referral.LotId && m.Status == MembershipStatus.Admitted && m.Provider!.VerifiedAt != null)
            .Select(m => new { m.ProviderId, m.Provider!.ContactEmail, m.Provider.AlertForEveryReferral })
            .ToListAsync(ct);
        var fits = await matching.EligibleVacanciesByProviderAsync(referral, ct: ct);
        referral.Status = ReferralStatus.Open;
        referral.PublishedAt = now;
        referral.UpdatedAt = now;
        foreach (var provider in providers)
        {
            db.ReferralRecipients.Add(new ReferralRecipient { ReferralId = referral.Id, ProviderId = provider.ProviderId, NotifiedAt = now, Fits = fits.ContainsKey(provider.ProviderId) });
        }
        var payload = ReceivedEvent(referral, await LotNameAsync(referral.LotId, ct));
        var subject = $"New {Words.InSentence(payload.Urgency)} referral: {payload.AgeYears}-year-old, {payload.Area}";
        var (fitsBody, otherBody) = (ProviderEmailBody(payload, true), ProviderEmailBody(payload, false));
        await emails.QueueManyAsync([.. providers.Select(provider => new QueuedEmail(provider.ContactEmail, subject,
            fits.ContainsKey(provider.ProviderId) ? fitsBody : otherBody, $"referral-received:{referral.Id}:{provider.ProviderId}"))], ct);
        audit.Record(actor, "ReferralPublished", nameof(Referral), referral.Id, $"sent to {providers.Count} providers");
        await db.SaveChangesAsync(ct);
        await live.ReferralReceivedAsync(
            [.. providers.Where(p => p.AlertForEveryReferral || fits.ContainsKey(p.ProviderId)).Select(p => p.ProviderId)], payload.Event);
        return providers.Count;
    }

    public async Task<Outcome<ReferralView>> WithdrawAsync(Actor actor, Guid referralId, string? reason, CancellationToken ct = default)
    {
        var referral = await OwnAsync(actor, referralId, ct);
        if (Outcome<ReferralView>.Refused(referral, "No such referral.", actor.Role == Role.PlacingOfficer,
                "Only placing officers withdraw referrals.", out var refused))
        {
            return refused;
        }
        if (referral.Status is not (ReferralStatus.Draft or ReferralStatus.Open))
        {
            return Outcome<ReferralView>.Conflict($"The referral is already {Words.InSentence(referral.Status)}.");
        }
        var closed = await CloseAsync(referral, ReferralStatus.Withdrawn, string.IsNullOrWhiteSpace(reason) ? "Withdrawn by the placing officer" : reason.Trim(), ct);
        audit.Record(actor, "ReferralWithdrawn", nameof(Referral), referral.Id, referral.ClosedReason);
        try
        {
            await places.SaveUnderReferralLockAsync(referral.Id, referral.UpdatedAt, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<ReferralView>.Conflict("The referral changed at the same moment (an offer may have been accepted): it was not withdrawn.");
        }
        await closed();
        return Outcome<ReferralView>.Success((await ViewAsync(actor, referral, ct))!);
    }

    /// <summary>Closes a referral and releases its offers; returns the live notices to send once saved.</summary>
    internal async Task<Func<Task>> CloseAsync(Referral referral, ReferralStatus status, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        referral.Status = status;
        referral.ClosedAt = now;
        referral.ClosedReason = reason;
        referral.UpdatedAt = now;
        var offers = await db.Offers.Where(o => o.ReferralId == referral.Id && (o.Status == OfferStatus.Submitted || o.Status == OfferStatus.PendingApproval)).ToListAsync(ct);
        foreach (var offer in offers)
        {
            if (offer.Status == OfferStatus.PendingApproval)
            {
                await places.CloseHoldsAsync(offer.Id, offer.VacancyId, $"The referral was closed: {reason}", now, ct);
            }
            offer.Status = OfferStatus.NotSelected;
            offer.UpdatedAt = now;
        }
        var recipients = await db.ReferralRecipients.Where(r => r.ReferralId == referral.Id).Select(r => r.ProviderId).ToListAsync(ct);
        return async () =>
        {
            if (recipients.Count > 0)
            {
                await live.ReferralClosedAsync(recipients, new ReferralClosedEvent(referral.Id, status));
            }
            foreach (var offer in offers)
            {
                await live.OfferUpdatedAsync(referral.CreatedByUserId, new OfferUpdatedEvent(referral.Id, offer.Id, offer.Status, 0));
            }
        };
    }

    /// <summary>
    /// The documents the officer attached go with the referral sent again, each at its own stage: a copy of the bytes under
    /// the new referral, so that the old referral's retention never takes the new one's documents.
    /// </summary>
    private async Task CopyDocumentsAsync(Referral old, Referral fresh, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var d in await db.ReferralDocuments.AsNoTracking().Where(x => x.ReferralId == old.Id && x.DeletedAt == null).OrderBy(x => x.UploadedAt).ToListAsync(ct))
        {
            if (await documents.ReadAsync(d.StorageKey, ct) is not { } content)
            {
                continue;
            }
            var id = Guid.CreateVersion7();
            var copy = new Sharing.ReferralDocument
            {
                Id = id, ReferralId = fresh.Id, LocalAuthorityId = fresh.LocalAuthorityId, Kind = d.Kind, ShareAt = d.ShareAt, FileName = d.FileName,
                ContentType = d.ContentType, Size = d.Size, Note = d.Note, StorageKey = $"referrals/{fresh.Id:N}/{id:N}", ContentHash = d.ContentHash,
                UploadedByUserId = d.UploadedByUserId, UploadedAt = now,
            };
            await documents.SaveAsync(copy.StorageKey, content, ct);
            db.ReferralDocuments.Add(copy);
        }
    }

    /// <summary>A new referral for the same child with widened criteria (radius, budget, lot), sent afresh.</summary>
    public async Task<Outcome<ReferralCreated>> RebroadcastAsync(Actor actor, Guid referralId, RebroadcastRequest request, CancellationToken ct = default)
    {
        var old = await OwnAsync(actor, referralId, ct);
        if (old is null)
        {
            return Outcome<ReferralCreated>.NotFound("No such referral.");
        }
        if (old.AnonymisedAt is not null)
        {
            return Outcome<ReferralCreated>.Conflict("The child's details on this referral were anonymised under the retention policy: make a new referral.");
        }
        var deadlinePassed = old.Status == ReferralStatus.Open && old.OfferDeadline <= clock.GetUtcNow().UtcDateTime;
        if (old.Status != ReferralStatus.Unfilled && !deadlinePassed)
        {
            return Outcome<ReferralCreated>.Conflict("Only a referral whose deadline passed without a placement can be sent again.");
        }
        var created = await CreateAsync(actor, new CreateReferralRequest(
            request.LotId ?? old.LotId, old.Urgency, old.StartDate < UkTime.Today(clock) ? UkTime.Today(clock) : old.StartDate, old.Duration,
            new ChildInput(old.ChildReference, old.ChildFirstName, old.ChildLastName, old.ChildDateOfBirth, old.ChildGender, old.SiblingGroupSize,
                old.Needs, old.MustHaveNeeds, old.WishesAndFeelings, old.LegalStatus, old.RiskSummary, old.CulturalNeeds),
            old.HomePostcode, old.HomeLatitude, old.HomeLongitude, request.MaxDistanceMiles ?? old.MaxDistanceMiles,
            request.WeeklyBudget ?? old.WeeklyBudget, request.OfferDeadline, OutOfAreaRequired: request.OutOfAreaRequired ?? old.OutOfAreaRequired,
            ProviderSummary: old.ProviderSummary), ct);
        if (!created.Succeeded)
        {
            return created;
        }
        var fresh = await db.Referrals.SingleAsync(r => r.Id == created.Value!.Id, ct);
        fresh.PreviousReferralId = old.Id;
        await CopyDocumentsAsync(old, fresh, ct);
        Func<Task>? closed = null;
        if (old.Status == ReferralStatus.Open)
        {
            closed = await CloseAsync(old, ReferralStatus.Unfilled, "Sent again with widened criteria", ct);
        }
        audit.Record(actor, "ReferralRebroadcast", nameof(Referral), fresh.Id, $"from {old.Id}");
        await places.SaveUnderReferralLockAsync(old.Id, clock.GetUtcNow().UtcDateTime, ct);
        if (closed is not null)
        {
            await closed();
        }
        return created;
    }

    /// <summary>The referral with the child's identity, for its own authority's officers and managers. The read is audited.</summary>
    public async Task<ReferralView?> FindAsync(Actor actor, Guid referralId, CancellationToken ct = default)
    {
        var referral = await OwnAsync(actor, referralId, ct);
        if (referral is null)
        {
            return null;
        }
        audit.Record(actor, "ReferralIdentityRead", nameof(Referral), referral.Id, "child's identifying details shown");
        await db.SaveChangesAsync(ct);
        return await ViewAsync(actor, referral, ct);
    }

    /// <summary>The authority's referrals, newest first: the whole list, for in-process callers.</summary>
    public async Task<List<ReferralSummary>> ListAsync(Actor actor, ReferralStatus? status, CancellationToken ct = default) =>
        [.. (await ListAsync(actor, status, PageRequest.All, ct)).Items];

    /// <summary>One page of the authority's referrals: newest first, then by id.</summary>
    public async Task<Paged<ReferralSummary>> ListAsync(Actor actor, ReferralStatus? status, PageRequest page, CancellationToken ct = default)
    {
        if (!AuthorityReaders.Contains(actor.Role) || actor.LocalAuthorityId is null)
        {
            return new Paged<ReferralSummary>([], 0, page);
        }
        var query = db.Referrals.AsNoTracking().Where(r => r.LocalAuthorityId == actor.LocalAuthorityId);
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }
        var listed = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .ToPagedAsync(page, q => q.Select(r => new ReferralSummary(r.Id, r.ChildReference, r.LotId, r.Urgency, r.StartDate, r.Status, r.OfferDeadline, r.CreatedByUserId,
                db.Offers.Count(o => o.ReferralId == r.Id && o.Status != OfferStatus.Withdrawn),
                db.ReferralRecipients.Count(x => x.ReferralId == r.Id))), ct);
        // The list shows each child's case reference: an identity read like opening the referral, so it is audited too.
        if (listed.Items.Count > 0)
        {
            audit.Record(actor, IdentityReads.ReferralList, nameof(Referral), null,
                $"case references of {listed.Items.Count} referrals shown: {string.Join(",", listed.Items.Select(r => r.Id))}");
            await db.SaveChangesAsync(ct);
        }
        return listed;
    }

    /// <summary>The referral's status, for its own authority's readers; null otherwise. Not an identity read.</summary>
    public async Task<ReferralStatus?> StatusAsync(Actor actor, Guid referralId, CancellationToken ct = default) =>
        AuthorityReaders.Contains(actor.Role) && actor.LocalAuthorityId is { } la
            ? await db.Referrals.Where(r => r.Id == referralId && r.LocalAuthorityId == la).Select(r => (ReferralStatus?)r.Status).SingleOrDefaultAsync(ct)
            : null;

    /// <summary>
    /// The referral's status and how many children it is for, in one read, for its own authority's readers (null for anyone
    /// else): what the live offers panel needs besides the offers. Not an identity read.
    /// </summary>
    public async Task<(ReferralStatus Status, int SiblingGroupSize)?> StatusAndGroupSizeAsync(Actor actor, Guid referralId, CancellationToken ct = default)
    {
        if (!AuthorityReaders.Contains(actor.Role) || actor.LocalAuthorityId is not { } la)
        {
            return null;
        }
        var found = await db.Referrals.Where(r => r.Id == referralId && r.LocalAuthorityId == la)
            .Select(r => new { r.Status, r.SiblingGroupSize }).SingleOrDefaultAsync(ct);
        return found is null ? null : (found.Status, found.SiblingGroupSize);
    }

    /// <summary>How many children the referral is for, for its own authority's readers; 1 otherwise. Not an identity read.</summary>
    public async Task<int> SiblingGroupSizeAsync(Actor actor, Guid referralId, CancellationToken ct = default) =>
        AuthorityReaders.Contains(actor.Role) && actor.LocalAuthorityId is { } la
            ? await db.Referrals.Where(r => r.Id == referralId && r.LocalAuthorityId == la).Select(r => (int?)r.SiblingGroupSize).SingleOrDefaultAsync(ct) ?? 1
            : 1;

    /// <summary>
    /// Which providers declined the referral and why, earliest first, for its own authority's readers (empty for anyone
    /// else): the officer sees what stood in the way, in the words the provider chose.
    /// </summary>
    public async Task<IReadOnlyList<DeclineView>> DeclinesAsync(Actor actor, Guid referralId, CancellationToken ct = default)
    {
        if (!await IsOwnAsync(actor, referralId, ct))
        {
            return [];
        }
        return await db.ReferralRecipients.AsNoTracking()
            .Where(x => x.ReferralId == referralId && x.DeclinedAt != null && x.DeclineReason != null)
            .Join(db.Providers, x => x.ProviderId, p => p.Id, (x, p) => new { x.DeclinedAt, x.DeclineReason, x.DeclineDetail, p.Name })
            .OrderBy(x => x.DeclinedAt).ThenBy(x => x.Name)
            .Select(x => new DeclineView(x.Name, x.DeclineReason!.Value, x.DeclineDetail, x.DeclinedAt!.Value))
            .ToListAsync(ct);
    }

    /// <summary>Whether the referral belongs to the caller's authority and the caller may read it.</summary>
    public async Task<bool> IsOwnAsync(Actor actor, Guid referralId, CancellationToken ct = default) =>
        AuthorityReaders.Contains(actor.Role) && actor.LocalAuthorityId is { } la
        && await db.Referrals.AnyAsync(r => r.Id == referralId && r.LocalAuthorityId == la, ct);

    internal async Task<Referral?> OwnAsync(Actor actor, Guid referralId, CancellationToken ct) =>
        AuthorityReaders.Contains(actor.Role) && actor.LocalAuthorityId is { } la
            ? await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId && r.LocalAuthorityId == la, ct)
            : null;

    private async Task<ReferralView?> ViewAsync(Actor actor, Referral r, CancellationToken ct)
    {
        var counts = await db.ReferralRecipients.Where(x => x.ReferralId == r.Id)
            .GroupBy(_ => 1).Select(g => new { Sent = g.Count(), Declined = g.Count(x => x.DeclinedAt != null) }).SingleOrDefaultAsync(ct);
        var offers = await db.Offers.CountAsync(o => o.ReferralId == r.Id && o.Status != OfferStatus.Withdrawn, ct);
        var child = new ChildView(r.ChildReference, r.ChildFirstName, r.ChildLastName, r.ChildDateOfBirth, MatchService.AgeOn(r.ChildDateOfBirth, r.StartDate),
            r.ChildGender, r.SiblingGroupSize, r.Needs, r.MustHaveNeeds, r.WishesAndFeelings, r.LegalStatus, r.RiskSummary, r.CulturalNeeds);
        return new ReferralView(r.Id, r.LocalAuthorityId, r.CreatedByUserId, r.LotId, await LotNameAsync(r.LotId, ct), r.Urgency, r.StartDate, r.Duration,
            r.Status, child, r.HomePostcode, Postcode.District(r.HomePostcode) ?? r.HomePostcode, r.HomeLatitude, r.HomeLongitude, r.MaxDistanceMiles,
            r.OutOfAreaRequired, r.WeeklyBudget, r.OfferDeadline, r.Retrospective, r.CreatedAt, r.PublishedAt, r.ClosedAt, r.ClosedReason,
            counts?.Sent ?? 0, offers, counts?.Declined ?? 0, r.PreviousReferralId) { ProviderSummary = r.ProviderSummary };
    }

    private async Task<string> LotNameAsync(Guid lotId, CancellationToken ct) =>
        await db.Lots.Where(l => l.Id == lotId).Select(l => l.Name).SingleOrDefaultAsync(ct) ?? "";

    internal static (ReferralReceivedEvent Event, Urgency Urgency, int AgeYears, string Area, string LotName) ReceivedEvent(Referral r, string lotName)
    {
        var age = MatchService.AgeOn(r.ChildDateOfBirth, r.StartDate);
        var area = Postcode.District(r.HomePostcode) ?? "";
        return (new ReferralReceivedEvent(r.Id, r.LotId, r.Urgency, r.StartDate, age, r.ChildGender, r.Needs, area, r.OfferDeadline), r.Urgency, age, area, lotName);
    }

    private static string ProviderEmailBody((ReferralReceivedEvent Event, Urgency Urgency, int AgeYears, string Area, string LotName) p, bool fits) =>
        $"A placing authority has sent a referral in {p.LotName}.\n\n"
        + $"Child: {p.AgeYears} years old, {Words.InSentence(p.Event.Gender)}, home area {p.Area}\n"
        + $"Needs: {(p.Event.Needs.Count == 0 ? "none recorded" : Words.InSentence(p.Event.Needs))}\n"
        + $"Start: {Words.Date(p.Event.StartDate)} ({Words.InSentence(p.Urgency)})\n"
        + $"Offers by: {Words.DateTime(p.Event.OfferDeadline)}\n\n"
        + (fits ? "It fits at least one of your open vacancies.\n" : "None of your open vacancies fits it as published.\n")
        + "Sign in to PlacementBroker to see it and make an offer or decline.";

    /// <summary>The law on age (spec 5.2), with the child's age taken on the required start date, not today.</summary>
    private async Task<string?> AgeLawRefusalAsync(Guid lotId, DateOnly dateOfBirth, DateOnly startDate, CancellationToken ct)
    {
        var placementType = await db.Lots.AsNoTracking().Where(l => l.Id == lotId).Select(l => l.PlacementType).SingleAsync(ct);
        return PlacementLaw.ChildAgeRefusal(placementType, MatchService.AgeOn(dateOfBirth, startDate));
    }

    private static void ValidateChild(ChildInput? child, DateOnly startDate, DateOnly today, FieldErrors errors)
    {
        if (child is null)
        {
            errors.Add("child", "Enter the child's details");
            return;
        }
        errors.Required("child.reference", child.Reference, "Enter the child's case reference")
            .MaxLength("child.reference", child.Reference, 100, "The reference")
            .Required("child.firstName", child.FirstName, "Enter the child's first name")
            .MaxLength("child.firstName", child.FirstName, 100, "The first name")
            .Required("child.lastName", child.LastName, "Enter the child's last name")
            .MaxLength("child.lastName", child.LastName, 100, "The last name")
            .MaxLength("child.wishesAndFeelings", child.WishesAndFeelings, 4000, "Wishes and feelings")
            .MaxLength("child.legalStatus", child.LegalStatus, 200, "Legal status")
            .MaxLength("child.riskSummary", child.RiskSummary, 4000, "The risk summary")
            .MaxLength("child.culturalNeeds", child.CulturalNeeds, 2000, "Cultural, religious and language needs");
        if (child.DateOfBirth is null)
        {
            errors.Add("child.dateOfBirth", "Enter the child's date of birth");
        }
        else if (child.DateOfBirth > today)
        {
            errors.Add("child.dateOfBirth", "The date of birth must be in the past");
        }
        else if (MatchService.AgeOn(child.DateOfBirth.Value, startDate) > 25)
        {
            errors.Add("child.dateOfBirth", "The child must be 25 or under at the start date");
        }
        errors.Required("child.gender", child.Gender, "Select the child's gender");
        if (child.SiblingGroupSize is < 1 or > 8)
        {
            errors.Add("child.siblingGroupSize", "A sibling group is 1 to 8 children");
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
