using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlacementBroker.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ContractManagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContractReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    DpsId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    RiskRating = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Minutes = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: true),
                    OutcomesForChildren = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OutstandingQaActions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FeeStructures = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Variations = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DemandAndSufficiency = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EqualityAndDiversity = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractReviews_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContractReviews_DynamicPurchasingSystems_DpsId",
                        column: x => x.DpsId,
                        principalTable: "DynamicPurchasingSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContractReviews_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImprovementPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    DpsId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RaisedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CloseReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImprovementPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImprovementPlans_AspNetUsers_RaisedByUserId",
                        column: x => x.RaisedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImprovementPlans_DynamicPurchasingSystems_DpsId",
                        column: x => x.DpsId,
                        principalTable: "DynamicPurchasingSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImprovementPlans_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KpiReturns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    DpsId = table.Column<Guid>(type: "uuid", nullable: false),
                    Quarter = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    QuarterStart = table.Column<DateOnly>(type: "date", nullable: false),
                    QuarterEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    DueBy = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BelowTarget = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Submissions = table.Column<int>(type: "integer", nullable: false),
                    MeasuredThrough = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewComment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ResubmitBy = table.Column<DateOnly>(type: "date", nullable: true),
                    DueNoticeSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OverdueNoticeSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiReturns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KpiReturns_DynamicPurchasingSystems_DpsId",
                        column: x => x.DpsId,
                        principalTable: "DynamicPurchasingSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KpiReturns_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Kpis",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DpsId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Unit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Target = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    HigherIsBetter = table.Column<bool>(type: "boolean", nullable: false),
                    LotIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Measure = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kpis", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Kpis_DynamicPurchasingSystems_DpsId",
                        column: x => x.DpsId,
                        principalTable: "DynamicPurchasingSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContractReviewActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CompletionNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractReviewActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractReviewActions_ContractReviews_ContractReviewId",
                        column: x => x.ContractReviewId,
                        principalTable: "ContractReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanMilestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ImprovementPlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EscalatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanMilestones_ImprovementPlans_ImprovementPlanId",
                        column: x => x.ImprovementPlanId,
                        principalTable: "ImprovementPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KpiReturnEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    KpiReturnId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToStatus = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiReturnEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KpiReturnEvents_KpiReturns_KpiReturnId",
                        column: x => x.KpiReturnId,
                        principalTable: "KpiReturns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KpiReturnValues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    KpiReturnId = table.Column<Guid>(type: "uuid", nullable: false),
                    KpiId = table.Column<Guid>(type: "uuid", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Measured = table.Column<bool>(type: "boolean", nullable: false),
                    BelowTarget = table.Column<bool>(type: "boolean", nullable: false),
                    Commentary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Basis = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiReturnValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KpiReturnValues_KpiReturns_KpiReturnId",
                        column: x => x.KpiReturnId,
                        principalTable: "KpiReturns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KpiReturnValues_Kpis_KpiId",
                        column: x => x.KpiId,
                        principalTable: "Kpis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MilestoneProgress",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanMilestoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Completed = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MilestoneProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MilestoneProgress_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MilestoneProgress_PlanMilestones_PlanMilestoneId",
                        column: x => x.PlanMilestoneId,
                        principalTable: "PlanMilestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContractReviewActions_ContractReviewId",
                table: "ContractReviewActions",
                column: "ContractReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractReviews_CreatedByUserId",
                table: "ContractReviews",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractReviews_DpsId_ProviderId_Date",
                table: "ContractReviews",
                columns: new[] { "DpsId", "ProviderId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ContractReviews_ProviderId",
                table: "ContractReviews",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementPlans_DpsId_Status",
                table: "ImprovementPlans",
                columns: new[] { "DpsId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementPlans_ProviderId_Status",
                table: "ImprovementPlans",
                columns: new[] { "ProviderId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementPlans_RaisedByUserId",
                table: "ImprovementPlans",
                column: "RaisedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_KpiReturnEvents_KpiReturnId",
                table: "KpiReturnEvents",
                column: "KpiReturnId");

            migrationBuilder.CreateIndex(
                name: "IX_KpiReturns_DpsId_Status",
                table: "KpiReturns",
                columns: new[] { "DpsId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_KpiReturns_ProviderId_DpsId_Quarter",
                table: "KpiReturns",
                columns: new[] { "ProviderId", "DpsId", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KpiReturnValues_KpiId",
                table: "KpiReturnValues",
                column: "KpiId");

            migrationBuilder.CreateIndex(
                name: "IX_KpiReturnValues_KpiReturnId_KpiId",
                table: "KpiReturnValues",
                columns: new[] { "KpiReturnId", "KpiId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Kpis_DpsId_Code",
                table: "Kpis",
                columns: new[] { "DpsId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneProgress_ByUserId",
                table: "MilestoneProgress",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneProgress_PlanMilestoneId",
                table: "MilestoneProgress",
                column: "PlanMilestoneId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanMilestones_ImprovementPlanId",
                table: "PlanMilestones",
                column: "ImprovementPlanId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContractReviewActions");

            migrationBuilder.DropTable(
                name: "KpiReturnEvents");

            migrationBuilder.DropTable(
                name: "KpiReturnValues");

            migrationBuilder.DropTable(
                name: "MilestoneProgress");

            migrationBuilder.DropTable(
                name: "ContractReviews");

            migrationBuilder.DropTable(
                name: "KpiReturns");

            migrationBuilder.DropTable(
                name: "Kpis");

            migrationBuilder.DropTable(
                name: "PlanMilestones");

            migrationBuilder.DropTable(
                name: "ImprovementPlans");
        }
    }
}
