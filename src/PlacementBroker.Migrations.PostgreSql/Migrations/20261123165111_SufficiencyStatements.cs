using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlacementBroker.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SufficiencyStatements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SufficiencyStatements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LocalAuthorityId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Introduction = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    DemandCommentary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    SupplyCommentary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    OutcomesCommentary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    PriceCommentary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    QualityCommentary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    CommissioningIntentions = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PublishedFigures = table.Column<string>(type: "text", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SufficiencyStatements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SufficiencyStatements_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SufficiencyStatements_AspNetUsers_PublishedByUserId",
                        column: x => x.PublishedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SufficiencyStatements_LocalAuthorities_LocalAuthorityId",
                        column: x => x.LocalAuthorityId,
                        principalTable: "LocalAuthorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SufficiencyStatements_CreatedByUserId",
                table: "SufficiencyStatements",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SufficiencyStatements_LocalAuthorityId_PeriodTo",
                table: "SufficiencyStatements",
                columns: new[] { "LocalAuthorityId", "PeriodTo" });

            migrationBuilder.CreateIndex(
                name: "IX_SufficiencyStatements_PublishedByUserId",
                table: "SufficiencyStatements",
                column: "PublishedByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SufficiencyStatements");
        }
    }
}
