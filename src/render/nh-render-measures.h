/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-render-measures.h: the measures every printout shares, in points
 *
 * Rules, greys and margins in one place, so the card, the checklist, the
 * booklet and the sheets they are imposed on look like one family and do
 * not drift apart.
 */
#pragma once

#include "nh-paper.h"

/* A thin rule: write-in lines, footer rules, cut guides. */
#define NH_RULE_WIDTH        0.5
/* A hair line: the faint outline of a card to cut along. */
#define NH_HAIRLINE_WIDTH    0.3
/* The frame of the clinic's box. */
#define NH_FRAME_WIDTH       1.5

/* Greys, as the same value for red, green and blue. */
#define NH_GREY_RULE         0.45   /* write-in lines */
#define NH_GREY_FOOTER       0.25   /* footers: edition, page, source */
#define NH_GREY_PAGE_NUMBER  0.35   /* the booklet's page number line */
#define NH_GREY_GUIDE        0.70   /* cut and fold guides */
#define NH_GREY_OUTLINE      0.80   /* a card's outline on a sheet */

/* Margins of a page, at A4 (they scale with the paper) and at least. */
#define NH_MARGIN_CHECKLIST      36.0
#define NH_MARGIN_CHECKLIST_MIN  16.0
#define NH_MARGIN_BOOKLET        54.0
#define NH_MARGIN_BOOKLET_MIN    36.0
#define NH_MARGIN_SHEET          36.0

/* Crop marks on sheets: their distance from the cut, their length, at
 * most, and the least room a sheet keeps around its items for them. */
#define NH_CROP_MARK_GAP     NH_MM_TO_PT (1.5)
#define NH_CROP_MARK_LENGTH  NH_MM_TO_PT (5)
#define NH_CROP_MARK_WIDTH   0.5
#define NH_SHEET_MIN_MARGIN  NH_MM_TO_PT (6)

/* Write-in lines on blank forms are at least this tall, for handwriting. */
#define NH_WRITE_IN_MIN_HEIGHT NH_MM_TO_PT (6)
