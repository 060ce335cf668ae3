/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-phone.h: on a Linux phone, a phone number is a call button */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  nh_phone_shell_detected (void);
char     *nh_phone_dup_tel_uri    (const char *phone);

G_END_DECLS
