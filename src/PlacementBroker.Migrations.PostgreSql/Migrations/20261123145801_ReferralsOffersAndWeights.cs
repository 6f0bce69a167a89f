using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlacementBroker.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReferralsOffersAndWeights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AlertForEveryReferral",
                table: "Providers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "WeightDistance",
                table: "DynamicPurchasingSystems",
                type: "double precision",
                nullable: false,
                defaultValue: 1.0);

            migrationBuilder.AddColumn<double>(
                name: "WeightNeeds",
                table: "DynamicPurchasingSystems",
                type: "double precision",
                nullable: false,
                defaultValue: 1.0);

            migrationBuilder.AddColumn<double>(
                name: "WeightOfstedGrade",
                table: "DynamicPurchasingSystems",
                type: "double precision",
                nullable: false,
                defaultValue: 1.0);

            migrationBuilder.AddColumn<double>(
                name: "WeightPrice",
                table: "DynamicPurchasingSystems",
                type: "double precision",
                nullable: false,
                defaultValue: 1.0);

            migrationBuilder.AddColumn<double>(
                name: "WeightQaStatus",
                table: "DynamicPurchasingSystems",
                type: "double precision",
                nullable: false,
                defaultValue: 1.0);

            migrationBuilder.AddColumn<double>(
                name: "WeightTrackRecord",
                table: "DynamicPurchasingSystems",
                type: "double precision",
                nullable: false,
                defaultValue: 1.0);

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LocalAuthorityId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LotId = table.Column<Guid>(type: "uuid", nullable: false),
                    Urgency = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Duration = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChildReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChildFirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChildLastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChildDateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    ChildGender = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SiblingGroupSize = table.Column<int>(type: "integer", nullable: false),
                    Needs = table.Column<string[]>(type: "text[]", nullable: false),
                    MustHaveNeeds = table.Column<string[]>(type: "text[]", nullable: false),
                    WishesAndFeelings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    LegalStatus = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RiskSummary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CulturalNeeds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    HomePostcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    HomeLatitude = table.Column<double>(type: "double precision", nullable: true),
                    HomeLongitude = table.Column<double>(type: "double precision", nullable: true),
                    MaxDistanceMiles = table.Column<double>(type: "double precision", nullable: false),
                    OutOfAreaRequired = table.Column<bool>(type: "boolean", nullable: false),
                    WeeklyBudget = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    OfferDeadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Retrospective = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DeadlineAlertedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EscalatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PreviousReferralId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_LocalAuthorities_LocalAuthorityId",
                        column: x => x.LocalAuthorityId,
                        principalTable: "LocalAuthorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Lots_LotId",
                        column: x => x.LotId,
                        principalTable: "Lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Referrals_PreviousReferralId",
                        column: x => x.PreviousReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Offers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    VacancyId = table.Column<Guid>(type: "uuid", nullable: false),
                    SettingId = table.Column<Guid>(type: "uuid", nullable: false),
                    WeeklyPrice = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    IncludesEducation = table.Column<bool>(type: "boolean", nullable: false),
                    IncludesTherapy = table.Column<bool>(type: "boolean", nullable: false),
                    OneToOneHoursPerWeek = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: true),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Offers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Offers_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Offers_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Offers_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Offers_Settings_SettingId",
                        column: x => x.SettingId,
                        principalTable: "Settings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Offers_Vacancies_VacancyId",
                        column: x => x.VacancyId,
                        principalTable: "Vacancies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferralRecipients",
                columns: table => new
                {
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    NotifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Fits = table.Column<bool>(type: "boolean", nullable: false),
                    DeclinedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DeclineDetail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralRecipients", x => new { x.ReferralId, x.ProviderId });
                    table.ForeignKey(
                        name: "FK_ReferralRecipients_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReferralRecipients_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Offers_CreatedByUserId",
                table: "Offers",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Offers_ProviderId_IdempotencyKey",
                table: "Offers",
                columns: new[] { "ProviderId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Offers_ReferralId_Status",
                table: "Offers",
                columns: new[] { "ReferralId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Offers_SettingId",
                table: "Offers",
                column: "SettingId");

            migrationBuilder.CreateIndex(
                name: "IX_Offers_VacancyId_Status",
                table: "Offers",
                columns: new[] { "VacancyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralRecipients_ProviderId_NotifiedAt",
                table: "ReferralRecipients",
                columns: new[] { "ProviderId", "NotifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_CreatedByUserId",
                table: "Referrals",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_LocalAuthorityId_Status",
                table: "Referrals",
                columns: new[] { "LocalAuthorityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_LotId",
                table: "Referrals",
                column: "LotId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_PreviousReferralId",
                table: "Referrals",
                column: "PreviousReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Status_OfferDeadline",
                table: "Referrals",
                columns: new[] { "Status", "OfferDeadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Offers");

            migrationBuilder.DropTable(
                name: "ReferralRecipients");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropColumn(
                name: "AlertForEveryReferral",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "WeightDistance",
                table: "DynamicPurchasingSystems");

            migrationBuilder.DropColumn(
                name: "WeightNeeds",
                table: "DynamicPurchasingSystems");

            migrationBuilder.DropColumn(
                name: "WeightOfstedGrade",
                table: "DynamicPurchasingSystems");

            migrationBuilder.DropColumn(
                name: "WeightPrice",
                table: "DynamicPurchasingSystems");

            migrationBuilder.DropColumn(
                name: "WeightQaStatus",
                table: "DynamicPurchasingSystems");

            migrationBuilder.DropColumn(
                name: "WeightTrackRecord",
                table: "DynamicPurchasingSystems");
        }
    }
}
