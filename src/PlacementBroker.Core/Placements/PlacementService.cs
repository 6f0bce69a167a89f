namespace PlacementBroker.Core.Placements;

/// <summary>
/// Turns an accepted offer into a placement, or into a request for a manager's approval. Capacity is never
/// over-committed: the referral, the vacancy and the block contract are changed only by conditional updates in
/// one transaction, so of two officers racing for the last place one gets the placement and the other a refusal.
/// </summary>
public class PlacementService(
    PlacementBrokerDbContext db, MatchService matching, PlaceLedger places, EmailOutbox emails, IMarketplaceNotifier live, AuditTrail audit, TimeProvider clock,
    Sufficiency.AcceptedPriceCache? acceptedPrices = null)
{
    private readonly AddressDisclosure disclosure = new(db);

    public async Task<Outcome<AcceptResult>> AcceptAsync(Actor actor, Guid offerId, AcceptRequest request, CancellationToken ct = default)
    {
        if (actor.Role != Role.PlacingOfficer || actor.LocalAuthorityId is not { } authorityId)
        {
            return Outcome<AcceptResult>.Forbidden("Only placing officers accept offers.");
        }
        var offer = await db.Offers.Include(o => o.Referral).SingleOrDefaultAsync(o => o.Id == offerId && o.Referral!.LocalAuthorityId == authorityId, ct);
        if (offer is null)
        {
            return Outcome<AcceptResult>.NotFound("No such offer.");
        }
        if (request.Kind is null)
        {
            return Outcome<AcceptResult>.Invalid("kind", "Select spot or block");
        }
        var referral = offer.Referral!;
        if (referral.Status != ReferralStatus.Open)
        {
            return Outcome<AcceptResult>.Conflict($"The referral is {Words.InSentence(referral.Status)}: the child has no place to fill here.");
        }
        if (offer.Status != OfferStatus.Submitted)
        {
            return Outcome<AcceptResult>.Conflict($"The offer is {Words.InSentence(offer.Status)}.");
        }
        BlockContract? block = null;
        if (request.Kind == PlacementKind.Block)
        {
            if (request.BlockContractId is null)
            {
                return Outcome<AcceptResult>.Invalid("blockContractId", "Select the block contract the place comes from");
            }
            block = await db.BlockContracts.AsNoTracking().SingleOrDefaultAsync(b => b.Id == request.BlockContractId && b.LocalAuthorityId == authorityId, ct);
            if (block is null || !BlockContractChoice.Fits(BlockContractSlot.Of(block), offer.ProviderId, referral.LotId, offer.SettingId, referral.SiblingGroupSize, offer.StartDate))
            {
                return Outcome<AcceptResult>.Invalid("blockContractId",
                    "Select a block contract of your authority with this provider and lot, in force on the start date, with a free place");
            }
        }

        var place = await db.Vacancies.AsNoTracking().Where(v => v.Id == offer.VacancyId)
            .Select(v => new { v.Status, Free = v.Places - v.PlacesHeld, v.PlacesHeld }).SingleAsync(ct);
        if (place.Status is VacancyStatus.Withdrawn or VacancyStatus.Filled || place.Free < referral.SiblingGroupSize)
        {
            return Outcome<AcceptResult>.Conflict(place.Status is VacancyStatus.Open or VacancyStatus.Held && place.PlacesHeld > 0
                ? "The place is held while a manager decides on another offer for it."
                : "The place is no longer available: it has been taken or withdrawn.");
        }
        var ranked = await matching.RankOffersAsync(referral, ct);
        var assessed = ranked.SingleOrDefault(r => r.Candidate.Id == offer.Id);
        if (assessed is null)
        {
            // Withdrawn by the provider since it was read: there is nothing left to accept.
            return Outcome<AcceptResult>.Conflict("The offer has just been withdrawn by the provider.");
        }
        if (!assessed.Eligible && assessed.Exclusions.All(e => e.Rule == HardRule.CapacityTooSmall))
        {
            // Another officer took the place a moment ago.
            return Outcome<AcceptResult>.Conflict("The place is no longer available: it has been taken.");
        }
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (reason is { Length: > TextLengths.LongText })
        {
            return Outcome<AcceptResult>.Invalid("reason", $"The reason must be {TextLengths.LongText:N0} characters or fewer");
        }
        var exception = !assessed.Eligible;
        if (exception && !assessed.Exclusions.All(e => MatchingEngine.ManagerMayWaive(e.Rule)))
        {
            return Outcome<AcceptResult>.BusinessRule("This offer no longer meets the referral's requirements: " + string.Join("; ", assessed.Exclusions.Select(e => e.Text)));
        }
        if (exception && reason is null)
        {
            return Outcome<AcceptResult>.BusinessRule("This offer does not meet the referral's requirements: " + string.Join("; ", assessed.Exclusions.Select(e => e.Text))
                + ". A placement manager can approve it as an exception: give your reason.");
        }
        if (exception || assessed.RequiresApproval)
        {
            return await RequestApprovalAsync(actor, offer, request.Kind.Value, block?.Id, assessed, reason, exception, ct);
        }
        var placed = await PlaceAsync(actor, offer, request.Kind.Value, block, approval: null, ct);
        return placed.Succeeded
            ? Outcome<AcceptResult>.Success(new AcceptResult(placed.Value!.Id, null, "Active", []))
            : Outcome<AcceptResult>.Conflict(placed.Message!);
    }

    public async Task<Outcome<ApprovalResult>> DecideAsync(Actor actor, Guid approvalId, ApprovalDecisionRequest request, CancellationToken ct = default)
    {
        var approval = await db.Approvals.SingleOrDefaultAsync(a => a.Id == approvalId && a.LocalAuthorityId == actor.LocalAuthorityId, ct);
        if (Outcome<ApprovalResult>.Refused(approval, "No such approval.", actor.Role == Role.PlacementManager, "Only placement managers decide approvals.", out var refused))
        {
            return refused;
        }
        var errors = new FieldErrors().MaxLength("reason", request.Reason, 4000, "The reason")
            .Required("decision", request.Decision, "Select whether to approve or reject the placement")
            .Required("reason", request.Reason, "Enter the reason for your decision: it is recorded with the placement");
        if (errors.Any)
        {
            return Outcome<ApprovalResult>.Invalid(errors);
        }
        if (approval.Status != ApprovalStatus.Pending)
        {
            return Outcome<ApprovalResult>.Conflict($"The approval has already been {Words.InSentence(approval.Status)}.");
        }
        var offer = await db.Offers.Include(o => o.Referral).SingleAsync(o => o.Id == approval.OfferId, ct);
        if (offer.Status != OfferStatus.PendingApproval)
        {
            return Outcome<ApprovalResult>.Conflict($"The offer is no longer waiting for approval: it is {Words.InSentence(offer.Status)}.");
        }
        var now = clock.GetUtcNow().UtcDateTime;

        if (request.Decision == ApprovalDecision.Reject)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await places.LockReferralAsync(offer.ReferralId, now, ct);
            approval.Status = ApprovalStatus.Rejected;
            approval.DecidedAt = now;
            approval.DecidedByUserId = actor.UserId;
            approval.DecisionReason = request.Reason!.Trim();
            offer.Status = OfferStatus.Rejected;
            offer.UpdatedAt = now;
            await places.ReleaseAsync(offer.VacancyId, approval.PlacesHeld, now, ct);
            audit.Record(actor, "ApprovalRejected", nameof(Approval), approval.Id, approval.DecisionReason);
            if (!await SaveAsync(ct))
            {
                return Outcome<ApprovalResult>.Conflict("The approval was decided, or its offer changed, at the same moment: no decision was recorded.");
            }
            await transaction.CommitAsync(ct);
            await TellOfficerAsync(approval, offer, ct);
            await live.OfferUpdatedAsync(offer.Referral!.CreatedByUserId, new OfferUpdatedEvent(offer.ReferralId, offer.Id, offer.Status, 0));
            return Outcome<ApprovalResult>.Success(new ApprovalResult(approval.Status, null));
        }

        // Everything is checked again now: the world may have moved since the officer asked.
        if (await DecisionRefusalAsync(offer, approval.Exception, ct) is { } broken)
        {
            return await RefuseDecisionAsync(actor, approvalId, broken, ct);
        }
        BlockContract? block = approval.BlockContractId is { } blockId ? await db.BlockContracts.AsNoTracking().SingleOrDefaultAsync(b => b.Id == blockId, ct) : null;
        approval.Status = ApprovalStatus.Approved;
        approval.DecidedAt = now;
        approval.DecidedByUserId = actor.UserId;
        approval.DecisionReason = request.Reason!.Trim();
        audit.Record(actor, "ApprovalApproved", nameof(Approval), approval.Id, approval.DecisionReason);
        var placed = await PlaceAsync(actor, offer, approval.Kind, block, approval, ct);
        if (!placed.Succeeded)
        {
            // Lost to another decision or a closed referral: nothing to release. A rule broken at the moment of placing: release and say so.
            var still = await db.Approvals.AsNoTracking().AnyAsync(a => a.Id == approvalId && a.Status == ApprovalStatus.Pending, ct);
            return still && placed.Kind == OutcomeKind.BusinessRule
                ? await RefuseDecisionAsync(actor, approvalId, placed.Message!, ct)
                : Outcome<ApprovalResult>.Conflict(placed.Message!);
        }
        await TellOfficerAsync(approval, offer, ct);
        return Outcome<ApprovalResult>.Success(new ApprovalResult(ApprovalStatus.Approved, placed.Value!.Id));
    }

    /// <summary>The officer who asked is told the decision by email; the referral's offers show it too.</summary>
    private async Task TellOfficerAsync(Approval approval, Offer offer, CancellationToken ct)
    {
        var officer = await db.Users.AsNoTracking().Where(u => u.Id == approval.RequestedByUserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (officer is null)
        {
            return;
        }
        var approved = approval.Status == ApprovalStatus.Approved;
        await emails.QueueAsync(officer, approved ? "A placement you asked for has been approved" : "A placement you asked for was not approved",
            (approved
                ? $"A placement manager approved the offer you asked about on referral /referrals/{offer.ReferralId}: the placement has been made (/placements/{approval.PlacementId})."
                : $"A placement manager rejected the offer you asked about on referral /referrals/{offer.ReferralId}: the place is back on offer. Choose another offer or send the referral again.")
            + $"\n\nTheir reason: {approval.DecisionReason}", reference: $"approval-decided:{approval.Id}", ct: ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Why an approval can no longer become a placement (spec 5.4: every rule of 5.2 again), or null.</summary>
    private async Task<string?> DecisionRefusalAsync(Offer offer, bool exception, CancellationToken ct)
    {
        var referral = offer.Referral!;
        if (referral.Status != ReferralStatus.Open)
        {
            return $"The referral is {Words.InSentence(referral.Status)}.";
        }
        var setting = await db.Settings.AsNoTracking().Where(s => s.Id == offer.SettingId).Select(s => new { s.ClosedAt, s.ReviewStatus }).SingleAsync(ct);
        if (setting.ClosedAt is not null)
        {
            return "Ofsted's register shows the setting's registration closed.";
        }
        if (setting.ReviewStatus != Providers.SettingReviewStatus.Approved)
        {
            return "The setting's Ofsted URN is not approved by the platform admin.";
        }
        var vacancy = await db.Vacancies.AsNoTracking().Where(v => v.Id == offer.VacancyId).Select(v => new { v.Status }).SingleAsync(ct);
        if (vacancy.Status == VacancyStatus.Withdrawn)
        {
            return "The provider has withdrawn the vacancy.";
        }
        var assessed = (await matching.RankOffersAsync(referral, ct)).SingleOrDefault(r => r.Candidate.Id == offer.Id);
        if (assessed is null)
        {
            return "The provider has withdrawn the offer.";
        }
        // An exception waives only the rules a manager may waive; anything else broken since still refuses it.
        var broken = assessed.Exclusions.Where(e => !(exception && MatchingEngine.ManagerMayWaive(e.Rule))).ToList();
        return broken.Count == 0 ? null : string.Join("; ", broken.Select(e => e.Text)) + ".";
    }

    /// <summary>Refuses an approval that would break a rule: recorded as rejected with the reason, the held places released, the officer told.</summary>
    private async Task<Outcome<ApprovalResult>> RefuseDecisionAsync(Actor actor, Guid approvalId, string reason, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        var message = "The placement cannot be approved: " + reason;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var approval = await db.Approvals.SingleAsync(a => a.Id == approvalId, ct);
        var offer = await db.Offers.Include(o => o.Referral).SingleAsync(o => o.Id == approval.OfferId, ct);
        if (approval.Status != ApprovalStatus.Pending)
        {
            return Outcome<ApprovalResult>.Conflict(message);
        }
        await places.LockReferralAsync(offer.ReferralId, now, ct);
        approval.Status = ApprovalStatus.Rejected;
        approval.DecidedAt = now;
        approval.DecidedByUserId = actor.UserId;
        approval.DecisionReason = "Refused when decided: " + reason;
        if (offer.Status == OfferStatus.PendingApproval)
        {
            offer.Status = OfferStatus.Rejected;
            offer.UpdatedAt = now;
        }
        await places.ReleaseAsync(offer.VacancyId, approval.PlacesHeld, now, ct);
        audit.Record(actor, "ApprovalRefused", nameof(Approval), approval.Id, reason);
        var officer = await db.Users.AsNoTracking().Where(u => u.Id == offer.Referral!.CreatedByUserId).Select(u => u.Email).SingleAsync(ct);
        await emails.QueueAsync(officer!, "A placement you asked for could not be approved",
            $"A placement manager's decision on an offer for your referral (/referrals/{offer.ReferralId}) found it can no longer be made: {reason} "
            + "The place held for it has been released. Choose another offer or send the referral again.",
            reference: $"approval-refused:{approval.Id}", ct: ct);
        if (!await SaveAsync(ct))
        {
            return Outcome<ApprovalResult>.Conflict("The approval was decided at the same moment by someone else.");
        }
        await transaction.CommitAsync(ct);
        await live.OfferUpdatedAsync(offer.Referral!.CreatedByUserId, new OfferUpdatedEvent(offer.ReferralId, offer.Id, offer.Status, 0));
        return Outcome<ApprovalResult>.Conflict(message);
    }

    private async Task<Outcome<AcceptResult>> RequestApprovalAsync(Actor actor, Offer offer, PlacementKind kind, Guid? blockId, MatchResult assessed,
        string? reason, bool exception, CancellationToken ct)
    {
        var referral = offer.Referral!;
        var now = clock.GetUtcNow().UtcDateTime;
        // The hold and its approval are one transaction: nothing can strand a held place.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var open = await db.Referrals.Where(r => r.Id == referral.Id && r.Status == ReferralStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UpdatedAt, now), ct);
        if (open == 0)
        {
            return Refuse("The referral has just been placed or closed.");
        }
        if (await places.RefusalAsync(offer.SettingId, offer.StartDate, referral.SiblingGroupSize, ct: ct) is { } full)
        {
            return Refuse(full);
        }
        // Only the places the referral needs are held; a place already held or taken is a refusal now, not later.
        if (await places.HoldAsync(offer.VacancyId, referral.SiblingGroupSize, now, ct) == 0)
        {
            return Refuse("The place is no longer available: it has been taken or is held for another decision.");
        }
        var setting = await db.Settings.AsNoTracking().SingleAsync(s => s.Id == offer.SettingId, ct);
        var approval = new Approval
        {
            OfferId = offer.Id,
            ReferralId = referral.Id,
            LocalAuthorityId = referral.LocalAuthorityId,
            Kind = kind,
            BlockContractId = blockId,
            Reasons = [.. exception ? assessed.Exclusions.Select(e => "An exception: " + e.Text) : [], .. assessed.ApprovalReasons],
            RequestReason = reason,
            Exception = exception,
            PlacesHeld = referral.SiblingGroupSize,
            OfstedReportUrl = setting.OfstedGrade.IsBelowGood()
                ? $"https://reports.ofsted.gov.uk/provider/44/{setting.OfstedUrn}"
                : null,
            Status = ApprovalStatus.Pending,
            RequestedByUserId = actor.UserId,
            RequestedAt = now,
        };
        db.Approvals.Add(approval);
        offer.Status = OfferStatus.PendingApproval;
        offer.UpdatedAt = now;
        audit.Record(actor, "ApprovalRequested", nameof(Approval), approval.Id, string.Join("; ", approval.Reasons));
        var managers = await db.Users.AsNoTracking()
            .Where(u => u.LocalAuthorityId == referral.LocalAuthorityId && u.Role == Role.PlacementManager)
            .Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        foreach (var manager in managers)
        {
            await emails.QueueAsync(manager.Email!, "Approval needed for a placement",
                $"A placing officer wants to accept an offer that needs your approval (referral /referrals/{referral.Id}, approvals at /approvals/{approval.Id}):\n- "
                + string.Join("\n- ", approval.Reasons) + (reason is null ? "" : $"\n\nThe officer's reason: {reason}")
                + (approval.OfstedReportUrl is null ? "" : $"\n\nOfsted reports: {approval.OfstedReportUrl}")
                + "\n\nThe place is held until you decide.", reference: $"approval-requested:{approval.Id}:{manager.Id}", ct: ct);
        }
        if (!await SaveAsync(ct))
        {
            return Refuse("The offer changed at the same moment (it may have been withdrawn): nothing was held.");
        }
        await transaction.CommitAsync(ct);
        await live.OfferUpdatedAsync(referral.CreatedByUserId, new OfferUpdatedEvent(referral.Id, offer.Id, offer.Status, 0));
        await live.ApprovalRequestedAsync([.. managers.Select(m => m.Id)], new ApprovalRequestedEvent(approval.Id, referral.Id, approval.Reasons));
        return Outcome<AcceptResult>.Success(new AcceptResult(null, approval.Id, "PendingApproval", approval.Reasons));

        Outcome<AcceptResult> Refuse(string message)
        {
            db.ChangeTracker.Clear();
            return Outcome<AcceptResult>.Conflict(message);
        }
    }

    /// <summary>
    /// Makes the placement in one transaction: the referral claimed, the setting's registered places checked under its lock,
    /// the vacancy's places (or those held for the approval) taken, the block contract's place taken. A lost race is a
    /// conflict; a broken rule (registered places) is a business-rule refusal. Nothing is written unless all of it is.
    /// </summary>
    private async Task<Outcome<Placement>> PlaceAsync(Actor actor, Offer offer, PlacementKind kind, BlockContract? block, Approval? approval, CancellationToken ct)
    {
        var referral = offer.Referral!;
        var count = referral.SiblingGroupSize;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Referrals.Where(r => r.Id == referral.Id && r.Status == ReferralStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReferralStatus.Placed).SetProperty(r => r.ClosedAt, now)
                .SetProperty(r => r.ClosedReason, "Placed").SetProperty(r => r.UpdatedAt, now), ct);
        if (claimed == 0)
        {
            return Refuse("The referral has already been placed or closed.");
        }
        if (await places.RefusalAsync(offer.SettingId, offer.StartDate, count, approval?.Id, ct) is { } full)
        {
            return Refuse(full, OutcomeKind.BusinessRule);
        }
        if (await places.TakeAsync(offer.VacancyId, count, fromHold: approval is not null, now, ct) == 0)
        {
            return Refuse("The place has just been taken: no placement was made.");
        }
        if (kind == PlacementKind.Block)
        {
            var inBlock = await db.BlockContracts.Where(b => b.Id == block!.Id && b.PlacesTaken + count <= b.Places)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.PlacesTaken, b => b.PlacesTaken + count), ct);
            if (inBlock == 0)
            {
                return Refuse("The block contract has no free place left: no placement was made.");
            }
        }

        var placement = new Placement
        {
            ReferralId = referral.Id,
            // Taken last, so the year's counter is locked only while this placement commits.
            Reference = await AgreementReference.NextAsync(db, now, ct),
            OfferId = offer.Id,
            LocalAuthorityId = referral.LocalAuthorityId,
            ProviderId = offer.ProviderId,
            SettingId = offer.SettingId,
            VacancyId = offer.VacancyId,
            BlockContractId = kind == PlacementKind.Block ? block!.Id : null,
            Kind = kind,
            Status = PlacementStatus.Active,
            Places = count,
            WeeklyPrice = kind == PlacementKind.Block ? block!.WeeklyPricePerPlace : offer.WeeklyPrice,
            StartDate = offer.StartDate,
            Retrospective = offer.StartDate < UkTime.Today(clock),
            ApprovalId = approval?.Id,
            CreatedByUserId = actor.UserId,
            CreatedAt = now,
        };
        db.Placements.Add(placement);
        offer.Status = OfferStatus.Accepted;
        offer.UpdatedAt = now;
        if (approval is not null)
        {
            approval.PlacementId = placement.Id;
        }
        // Every other offer is not selected; places held for them go back on offer.
        var others = await db.Offers.Where(o => o.ReferralId == referral.Id && o.Id != offer.Id
            && (o.Status == OfferStatus.Submitted || o.Status == OfferStatus.PendingApproval)).ToListAsync(ct);
        foreach (var other in others)
        {
            if (other.Status == OfferStatus.PendingApproval)
            {
                await ReleaseForOfferAsync(other, "Another offer was accepted", now, ct);
            }
            other.Status = OfferStatus.NotSelected;
            other.UpdatedAt = now;
        }
        audit.Record(actor, "PlacementMade", nameof(Placement), placement.Id, $"{kind} at £{placement.WeeklyPrice}/week", providerId: offer.ProviderId);
        var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == offer.ProviderId, ct);
        await emails.QueueAsync(provider.ContactEmail, "Your offer has been accepted",
            $"Your offer on referral {referral.Id} has been accepted as a {Words.InSentence(kind)} starting {Words.Date(placement.StartDate)}. "
            + "Sign in to PlacementBroker to see the child's details and the Individual Placement Agreement.", reference: $"placement-made:{placement.Id}", ct: ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Refuse("Another placement was made for this referral, or the offer changed, at the same moment.");
        }
        // Its price is one of the lot's accepted prices from now on.
        acceptedPrices?.Forget(referral.LotId);
        var recipients = await db.ReferralRecipients.Where(r => r.ReferralId == referral.Id).Select(r => r.ProviderId).ToListAsync(ct);
        await live.OfferUpdatedAsync(referral.CreatedByUserId, new OfferUpdatedEvent(referral.Id, offer.Id, OfferStatus.Accepted, 1));
        foreach (var other in others)
        {
            await live.OfferUpdatedAsync(referral.CreatedByUserId, new OfferUpdatedEvent(referral.Id, other.Id, OfferStatus.NotSelected, 0));
        }
        await live.ReferralClosedAsync(recipients, new ReferralClosedEvent(referral.Id, ReferralStatus.Placed));
        await live.PlacementConfirmedAsync(offer.ProviderId, new PlacementConfirmedEvent(referral.Id, offer.Id, placement.Id));
        return Outcome<Placement>.Success(placement);

        Outcome<Placement> Refuse(string message, OutcomeKind kind = OutcomeKind.Conflict)
        {
            db.ChangeTracker.Clear();
            return kind == OutcomeKind.BusinessRule ? Outcome<Placement>.BusinessRule(message) : Outcome<Placement>.Conflict(message);
        }
    }

    /// <summary>
    /// Ends a placement. An end today or earlier frees the place now; an end still to come is a planned end: the place stays
    /// taken until that day, when <see cref="PlacementSweepJob"/> completes it. A planned end can be moved, but later only if
    /// the place has not been booked from the earlier date.
    /// </summary>
    public async Task<Outcome<PlacementView>> EndAsync(Actor actor, Guid placementId, EndPlacementRequest request, CancellationToken ct = default)
    {
        var placement = await db.Placements.AsNoTracking().SingleOrDefaultAsync(p => p.Id == placementId && p.LocalAuthorityId == actor.LocalAuthorityId, ct);
        if (Outcome<PlacementView>.Refused(placement, "No such placement.", actor.Role == Role.PlacingOfficer, "Only placing officers end placements.", out var refused))
        {
            return refused;
        }
        var today = UkTime.Today(clock);
        var errors = new FieldErrors().MaxLength("notes", request.Notes, 2000, "Notes");
        if (request.EndDate is null)
        {
            errors.Add("endDate", "Enter the date the placement ended");
        }
        else if (request.EndDate < placement.StartDate)
        {
            errors.Add("endDate", "The end date cannot be before the placement started");
        }
        else if (request.EndDate > today.AddDays(90))
        {
            errors.Add("endDate", "The end date must be within the next 90 days");
        }
        errors.Required("reason", request.Reason, "Select why the placement ended");
        if (errors.Any)
        {
            return Outcome<PlacementView>.Invalid(errors);
        }
        if (placement.Status != PlacementStatus.Active)
        {
            return Outcome<PlacementView>.Conflict("The placement has already ended.");
        }
        var end = request.EndDate!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The setting's lock before the placement's row, in the same order as the sweep and every booking: never a deadlock.
        await places.LockSettingAsync(placement.SettingId, ct);
        if (placement.EndDate is { } planned && end > planned)
        {
            // Staying longer must not collide with a child booked into the place from the planned end.
            var registered = await db.Settings.AsNoTracking().Where(s => s.Id == placement.SettingId).Select(s => s.RegisteredPlaces).SingleAsync(ct);
            var stays = await places.StaysAsync(placement.SettingId, planned, exceptPlacementId: placement.Id, ct: ct);
            if (Occupancy.PeakFrom([.. stays, new Stay(placement.StartDate, end, placement.Places)], planned) > registered)
            {
                return Outcome<PlacementView>.BusinessRule(
                    $"The place has been booked for another child from {Words.Date(planned)}, the planned end: the end cannot be moved later.");
            }
        }
        // An end on the start day is a placement that never began: nothing to keep the place for.
        var endsNow = end <= today || end == placement.StartDate;
        var notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim();
        var ended = await db.Placements.Where(p => p.Id == placementId && p.Status == PlacementStatus.Active && p.EndDate == placement.EndDate)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, endsNow ? PlacementStatus.Ended : PlacementStatus.Active)
                .SetProperty(p => p.EndDate, end).SetProperty(p => p.EndReason, request.Reason).SetProperty(p => p.EndNotes, notes)
                .SetProperty(p => p.EndedAt, endsNow ? now : (DateTime?)null).SetProperty(p => p.EndedByUserId, actor.UserId), ct);
        if (ended == 0)
        {
            return Outcome<PlacementView>.Conflict("The placement was ended or changed at the same moment. Reload it and try again.");
        }
        if (endsNow)
        {
            await FreePlacesAsync(placement, today, now, ct);
        }
        audit.Record(actor, endsNow ? "PlacementEnded" : "PlacementEndPlanned", nameof(Placement), placement.Id,
            $"{request.Reason} on {end:yyyy-MM-dd}", providerId: placement.ProviderId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return Outcome<PlacementView>.Success((await FindAsync(actor, placementId, audited: false, ct))!);
    }

    /// <summary>
    /// Completes every planned end that has arrived: the placement ends and its place goes back to the provider. Each in its
    /// own transaction, conditional on the placement still being active, so overlapping or interrupted sweeps complete each once.
    /// </summary>
    public async Task<int> CompletePlannedEndsAsync(CancellationToken ct = default)
    {
        var today = UkTime.Today(clock);
        var due = await db.Placements.AsNoTracking()
            .Where(p => p.Status == PlacementStatus.Active && p.EndDate != null && p.EndDate <= today)
            .OrderBy(p => p.EndDate).ThenBy(p => p.Id)
            .ToListAsync(ct);
        var completed = 0;
        foreach (var placement in due)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The setting first, then the placement: an officer moving this end at the same moment locks them in that order too.
            await places.LockSettingAsync(placement.SettingId, ct);
            var ended = await db.Placements.Where(p => p.Id == placement.Id && p.Status == PlacementStatus.Active && p.EndDate == placement.EndDate)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PlacementStatus.Ended).SetProperty(p => p.EndedAt, now), ct);
            if (ended == 0)
            {
                continue;
            }
            await FreePlacesAsync(placement, today, now, ct);
            audit.Record(null, "PlacementEnded", nameof(Placement), placement.Id, $"planned end {placement.EndReason} on {placement.EndDate:yyyy-MM-dd} completed",
                providerId: placement.ProviderId);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            completed++;
        }
        return completed;
    }

    /// <summary>An ended placement's places go back to its vacancy (as far as the setting can take them) and to its block contract.</summary>
    private async Task FreePlacesAsync(Placement placement, DateOnly today, DateTime now, CancellationToken ct)
    {
        await places.LockSettingAsync(placement.SettingId, ct);
        await places.ReturnAsync(placement.VacancyId, placement.SettingId, placement.Places, today, now, ct);
        if (placement.BlockContractId is { } blockId)
        {
            await db.BlockContracts.Where(b => b.Id == blockId && b.PlacesTaken >= placement.Places)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.PlacesTaken, b => b.PlacesTaken - placement.Places), ct);
        }
    }

    /// <summary>The authority's approvals, pending first, then oldest request first: the whole list, for in-process callers.</summary>
    public async Task<List<ApprovalView>> ApprovalsAsync(Actor actor, ApprovalStatus? status, CancellationToken ct = default) =>
        [.. (await ApprovalsAsync(actor, status, PageRequest.All, ct)).Items];

    /// <summary>One page of the authority's approvals: pending first, then by when they were asked for, then by id.</summary>
    public Task<Paged<ApprovalView>> ApprovalsAsync(Actor actor, ApprovalStatus? status, PageRequest page, CancellationToken ct = default)
    {
        var query = db.Approvals.AsNoTracking().Where(a => a.LocalAuthorityId == actor.LocalAuthorityId);
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }
        return ApprovalPageAsync(actor, query.OrderBy(a => a.Status == ApprovalStatus.Pending ? 0 : 1).ThenBy(a => a.RequestedAt).ThenBy(a => a.Id), page, ct);
    }

    /// <summary>One page of the authority's decided approvals, the latest decision first.</summary>
    public Task<Paged<ApprovalView>> DecidedApprovalsAsync(Actor actor, PageRequest page, CancellationToken ct = default) => ApprovalPageAsync(actor,
        db.Approvals.AsNoTracking().Where(a => a.LocalAuthorityId == actor.LocalAuthorityId && a.Status != ApprovalStatus.Pending)
            .OrderByDescending(a => a.DecidedAt).ThenByDescending(a => a.Id), page, ct);

    /// <summary>One of the authority's approvals, read by its id.</summary>
    public async Task<ApprovalView?> ApprovalAsync(Actor actor, Guid approvalId, CancellationToken ct = default) =>
        (await ApprovalPageAsync(actor, db.Approvals.AsNoTracking().Where(a => a.Id == approvalId && a.LocalAuthorityId == actor.LocalAuthorityId).OrderBy(a => a.Id),
            PageRequest.All, ct)).Items.SingleOrDefault();

    private async Task<Paged<ApprovalView>> ApprovalPageAsync(Actor actor, IOrderedQueryable<Approval> ordered, PageRequest page, CancellationToken ct)
    {
        var rows = await ordered.ToPagedAsync(page, q => q.Select(a => new
            {
                Approval = a,
                Offer = db.Offers.First(o => o.Id == a.OfferId),
                Child = db.Referrals.Where(r => r.Id == a.ReferralId).Select(r => new { r.ChildReference, r.ChildFirstName, r.ChildLastName }).First(),
                By = db.Users.Where(u => u.Id == a.RequestedByUserId).Select(u => u.DisplayName).First(),
            }), ct);
        var providerIds = rows.Items.Select(r => r.Offer.ProviderId).Distinct().ToList();
        var settingIds = rows.Items.Select(r => r.Offer.SettingId).Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var settings = await db.Settings.AsNoTracking().Where(s => settingIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        // Approvals show the child's name and case reference: an identity read, audited.
        if (rows.Items.Count > 0)
        {
            audit.Record(actor, Auditing.IdentityReads.ApprovalList, nameof(Approval), rows.Items.Count == 1 ? rows.Items[0].Approval.Id : null,
                $"names and case references of {rows.Items.Count} approvals shown: {string.Join(",", rows.Items.Select(r => r.Approval.ReferralId))}");
            await db.SaveChangesAsync(ct);
        }
        return rows.Map(r => new ApprovalView(r.Approval.Id, r.Approval.ReferralId, r.Child.ChildReference, r.Offer.Id, providers[r.Offer.ProviderId],
            settings[r.Offer.SettingId], r.Offer.WeeklyPrice, r.Approval.Kind, r.Approval.Reasons, r.Approval.OfstedReportUrl, r.Approval.Status,
            r.Approval.RequestedAt, r.By, r.Approval.DecidedAt, r.Approval.DecisionReason, r.Approval.PlacementId)
        {
            ChildName = $"{r.Child.ChildFirstName} {r.Child.ChildLastName}",
            RequestReason = r.Approval.RequestReason,
            Exception = r.Approval.Exception,
        });
    }

    /// <summary>The placement made for one of the authority's referrals, if any: its id, start and status, for the referral's page.</summary>
    public async Task<(Guid Id, DateOnly StartDate, PlacementStatus Status)?> ForReferralAsync(Actor actor, Guid referralId, CancellationToken ct = default)
    {
        var found = await Visible(actor).Where(p => p.ReferralId == referralId).OrderByDescending(p => p.CreatedAt)
            .Select(p => new { p.Id, p.StartDate, p.Status }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Id, found.StartDate, found.Status);
    }

    /// <summary>Placements of the caller's authority, or of the caller's provider: the whole list, for in-process callers.</summary>
    public async Task<List<PlacementView>> ListAsync(Actor actor, PlacementStatus? status, CancellationToken ct = default) =>
        [.. (await ListAsync(actor, status, PageRequest.All, ct)).Items];

    /// <summary>One page of the placements of the caller's authority, or of the caller's provider: newest first, then by id.</summary>
    public async Task<Paged<PlacementView>> ListAsync(Actor actor, PlacementStatus? status, PageRequest page, CancellationToken ct = default)
    {
        var query = Visible(actor);
        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }
        var ids = await query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).ToPagedAsync(page, q => q.Select(p => p.Id), ct);
        var views = new List<PlacementView>();
        foreach (var id in ids.Items)
        {
            views.Add((await ViewAsync(actor, id, includeChild: false, ct))!);
        }
        return new Paged<PlacementView>(views, ids.Info);
    }

    /// <summary>
    /// One page of placements as the placements list shows them: for the owning council's staff (placing officers and
    /// placement managers) with each child's name and case reference, an identity read audited like the referral list.
    /// </summary>
    public async Task<Paged<PlacementView>> ListIdentifiedAsync(Actor actor, PlacementStatus? status, PageRequest page, CancellationToken ct = default)
    {
        var listed = await ListAsync(actor, status, page, ct);
        if (actor.Role is not (Role.PlacingOfficer or Role.PlacementManager) || listed.Items.Count == 0)
        {
            return listed;
        }
        var referralIds = listed.Items.Select(p => p.ReferralId).ToList();
        var children = await db.Referrals.AsNoTracking().Where(r => referralIds.Contains(r.Id))
            .Select(r => new { r.Id, Child = new PlacementChild(r.ChildReference, r.ChildFirstName, r.ChildLastName, r.ChildDateOfBirth, r.ChildGender, r.Needs) })
            .ToDictionaryAsync(r => r.Id, r => r.Child, ct);
        audit.Record(actor, Auditing.IdentityReads.PlacementList, nameof(Placement), listed.Items.Count == 1 ? listed.Items[0].Id : null,
            $"children's names and case references of {listed.Items.Count} placements shown: {string.Join(",", listed.Items.Select(p => p.Id))}");
        await db.SaveChangesAsync(ct);
        return new Paged<PlacementView>([.. listed.Items.Select(p => p with { Child = children[p.ReferralId] })], listed.Info);
    }

    /// <summary>
    /// The Individual Placement Agreement of a placement the caller is party to (its council's placing officers and
    /// managers, its provider's users): null for anyone else. It names the child, so every read is audited.
    /// </summary>
    public async Task<PlacementAgreementView?> AgreementAsync(Actor actor, Guid placementId, CancellationToken ct = default)
    {
        if (actor.Role is not (Role.PlacingOfficer or Role.PlacementManager or Role.ProviderUser)
            || await FindAsync(actor, placementId, audited: true, ct) is not { } placement)
        {
            return null;
        }
        var terms = await db.Placements.AsNoTracking().Where(p => p.Id == placementId)
            .Select(p => new
            {
                p.Reference,
                p.Referral!.RiskSummary,
                p.Referral.LegalStatus,
                Officer = db.Users.Where(u => u.Id == p.Referral.CreatedByUserId).Select(u => new PlacementContact(u.DisplayName, u.Email)).First(),
                Provider = db.Providers.Where(x => x.Id == p.ProviderId).Select(x => new PlacementContact(x.Name, x.ContactEmail)).First(),
            })
            .SingleAsync(ct);
        return new PlacementAgreementView(placement, terms.Reference, terms.RiskSummary, terms.LegalStatus,
            terms.Provider, terms.Officer, AgreementReference.NoticeDays);
    }

    /// <summary>One placement, with the child's identity for the placing authority and the placed provider: every such read is audited.</summary>
    public async Task<PlacementView?> FindAsync(Actor actor, Guid placementId, bool audited = true, CancellationToken ct = default)
    {
        if (!await Visible(actor).AnyAsync(p => p.Id == placementId, ct))
        {
            return null;
        }
        if (audited && actor.Role is Role.PlacingOfficer or Role.PlacementManager or Role.ProviderUser)
        {
            audit.Record(actor, Auditing.IdentityReads.Placement, nameof(Placement), placementId, "child's identifying details shown");
            await db.SaveChangesAsync(ct);
        }
        return await ViewAsync(actor, placementId, includeChild: actor.Role is Role.PlacingOfficer or Role.PlacementManager or Role.ProviderUser, ct);
    }

    private IQueryable<Placement> Visible(Actor actor) => actor.Role switch
    {
        Role.ProviderUser => db.Placements.AsNoTracking().Where(p => p.ProviderId == actor.ProviderId),
        Role.PlacingOfficer or Role.PlacementManager or Role.QaOfficer or Role.Commissioner => db.Placements.AsNoTracking().Where(p => p.LocalAuthorityId == actor.LocalAuthorityId),
        _ => db.Placements.AsNoTracking().Where(_ => false),
    };

    private async Task<PlacementView?> ViewAsync(Actor actor, Guid id, bool includeChild, CancellationToken ct)
    {
        var row = await db.Placements.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new
            {
                Placement = p,
                Referral = p.Referral!,
                Authority = db.LocalAuthorities.Where(a => a.Id == p.LocalAuthorityId).Select(a => a.Name).First(),
                Provider = db.Providers.First(x => x.Id == p.ProviderId),
                Setting = db.Settings.First(s => s.Id == p.SettingId),
                Offer = db.Offers.First(o => o.Id == p.OfferId),
            })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var p = row.Placement;
        var r = row.Referral;
        // The placing council sees the full postcode while its child lives there; once ended, like everyone else, the district.
        var full = await disclosure.MaySeeFullAddressAsync(actor, p.SettingId, ct);
        return new PlacementView(p.Id, p.ReferralId, p.OfferId, p.LocalAuthorityId, row.Authority, p.ProviderId, row.Provider.Name, row.Provider.RegistrationNumber,
            p.SettingId, row.Setting.Name, row.Setting.OfstedUrn, AddressDisclosure.Shown(row.Setting.Postcode, full), row.Setting.OfstedGrade, p.Kind, p.BlockContractId, p.Status, p.Places,
            p.WeeklyPrice, p.StartDate, p.EndDate, p.EndReason, p.Retrospective, row.Offer.IncludesEducation, row.Offer.IncludesTherapy,
            row.Offer.OneToOneHoursPerWeek, row.Offer.Notes,
            includeChild ? new PlacementChild(r.ChildReference, r.ChildFirstName, r.ChildLastName, r.ChildDateOfBirth, r.ChildGender, r.Needs) : null,
            p.CreatedAt)
        {
            AgreementReference = p.Reference,
            SettingPostcodeIsDistrict = !full,
            OfstedGradeConfirmed = row.Setting.DeclaredOfstedGrade is null,
            DeclaredOfstedGrade = row.Setting.DeclaredOfstedGrade,
        };
    }

    /// <summary>Rejects the pending approval of an offer that can no longer go ahead and releases the places held for it.</summary>
    private async Task ReleaseForOfferAsync(Offer other, string reason, DateTime now, CancellationToken ct)
    {
        var pending = await db.Approvals.AsNoTracking().Where(a => a.OfferId == other.Id && a.Status == ApprovalStatus.Pending)
            .Select(a => new { a.Id, a.PlacesHeld }).ToListAsync(ct);
        foreach (var approval in pending)
        {
            var closed = await db.Approvals.Where(a => a.Id == approval.Id && a.Status == ApprovalStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApprovalStatus.Rejected).SetProperty(a => a.DecisionReason, reason)
                    .SetProperty(a => a.DecidedAt, now), ct);
            if (closed == 1)
            {
                await places.ReleaseAsync(other.VacancyId, approval.PlacesHeld, now, ct);
            }
        }
    }

    /// <summary>Saves; false when a concurrent change won (a state that is no longer what it was read as).</summary>
    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

}
