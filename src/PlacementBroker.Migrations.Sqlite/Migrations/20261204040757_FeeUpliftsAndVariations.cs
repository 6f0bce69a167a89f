using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlacementBroker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FeeUpliftsAndVariations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FirstPlaces",
                table: "BlockContracts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "FirstWeeklyPricePerPlace",
                table: "BlockContracts",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UpliftRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DpsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GuidancePercent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Guidance = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    LotIds = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpliftRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UpliftRounds_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UpliftRounds_DynamicPurchasingSystems_DpsId",
                        column: x => x.DpsId,
                        principalTable: "DynamicPurchasingSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UpliftRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpliftRoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestedPercent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgreedPercent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PriceChanges = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpliftRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UpliftRequests_AspNetUsers_DecidedByUserId",
                        column: x => x.DecidedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UpliftRequests_AspNetUsers_SubmittedByUserId",
                        column: x => x.SubmittedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UpliftRequests_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UpliftRequests_UpliftRounds_UpliftRoundId",
                        column: x => x.UpliftRoundId,
                        principalTable: "UpliftRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BlockContractVariations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BlockContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Places = table.Column<int>(type: "INTEGER", nullable: true),
                    WeeklyPricePerPlace = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AgreedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpliftRequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BlockContractVariations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BlockContractVariations_AspNetUsers_AgreedByUserId",
                        column: x => x.AgreedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BlockContractVariations_BlockContracts_BlockContractId",
                        column: x => x.BlockContractId,
                        principalTable: "BlockContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BlockContractVariations_UpliftRequests_UpliftRequestId",
                        column: x => x.UpliftRequestId,
                        principalTable: "UpliftRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlacementVariations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlacementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WeeklyPriceBefore = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    WeeklyPriceAfter = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AgreedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgreedFor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpliftRequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementVariations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlacementVariations_AspNetUsers_AgreedByUserId",
                        column: x => x.AgreedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlacementVariations_Placements_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "Placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlacementVariations_UpliftRequests_UpliftRequestId",
                        column: x => x.UpliftRequestId,
                        principalTable: "UpliftRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UpliftCostLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpliftRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LastYear = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    NextYear = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpliftCostLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UpliftCostLines_UpliftRequests_UpliftRequestId",
                        column: x => x.UpliftRequestId,
                        principalTable: "UpliftRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BlockContractVariations_AgreedByUserId",
                table: "BlockContractVariations",
                column: "AgreedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_BlockContractVariations_BlockContractId_EffectiveFrom",
                table: "BlockContractVariations",
                columns: new[] { "BlockContractId", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_BlockContractVariations_UpliftRequestId",
                table: "BlockContractVariations",
                column: "UpliftRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_PlacementVariations_AgreedByUserId",
                table: "PlacementVariations",
                column: "AgreedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PlacementVariations_PlacementId_EffectiveFrom",
                table: "PlacementVariations",
                columns: new[] { "PlacementId", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_PlacementVariations_UpliftRequestId",
                table: "PlacementVariations",
                column: "UpliftRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_UpliftCostLines_UpliftRequestId_Category",
                table: "UpliftCostLines",
                columns: new[] { "UpliftRequestId", "Category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UpliftRequests_DecidedByUserId",
                table: "UpliftRequests",
                column: "DecidedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_UpliftRequests_ProviderId_Status",
                table: "UpliftRequests",
                columns: new[] { "ProviderId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_UpliftRequests_SubmittedByUserId",
                table: "UpliftRequests",
                column: "SubmittedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_UpliftRequests_UpliftRoundId_ProviderId",
                table: "UpliftRequests",
                columns: new[] { "UpliftRoundId", "ProviderId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UpliftRounds_CreatedByUserId",
                table: "UpliftRounds",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_UpliftRounds_DpsId_EffectiveFrom",
                table: "UpliftRounds",
                columns: new[] { "DpsId", "EffectiveFrom" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BlockContractVariations");

            migrationBuilder.DropTable(
                name: "PlacementVariations");

            migrationBuilder.DropTable(
                name: "UpliftCostLines");

            migrationBuilder.DropTable(
                name: "UpliftRequests");

            migrationBuilder.DropTable(
                name: "UpliftRounds");

            migrationBuilder.DropColumn(
                name: "FirstPlaces",
                table: "BlockContracts");

            migrationBuilder.DropColumn(
                name: "FirstWeeklyPricePerPlace",
                table: "BlockContracts");
        }
    }
}
