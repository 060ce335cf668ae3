/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-qr.h: a QR code of some text, drawn as vector squares */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Light modules around the code that scanners need, in modules. */
#define NH_QR_QUIET_ZONE 4

typedef struct _NhQr NhQr;

NhQr     *nh_qr_new         (const char  *text,
                             GError     **error);
void      nh_qr_free        (NhQr        *self);
guint     nh_qr_get_modules (NhQr        *self);
gboolean  nh_qr_get_dark    (NhQr        *self,
                             guint        x,
                             guint        y);
void      nh_qr_draw        (NhQr        *self,
                             cairo_t     *cr,
                             double       x,
                             double       y,
                             double       size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NhQr, nh_qr_free)

G_END_DECLS
