/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-json-hints.h: syntax mistakes named as a volunteer would name them */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean nh_json_hint_syntax (const char  *data,
                              gsize        length,
                              char       **message,
                              int         *line,
                              int         *column);

G_END_DECLS
