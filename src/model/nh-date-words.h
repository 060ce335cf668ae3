/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-date-words.h: dates on screen that nobody misreads */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *nh_date_words_format (GDateTime *time,
                            GDateTime *now,
                            gboolean   with_time);
char *nh_date_words_clock  (GDateTime *time);
char *nh_date_words_title  (GDateTime *time);

G_END_DECLS
