/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-qr.c: a QR code of some text, drawn as vector squares
 *
 * libqrencode makes the code from the text's UTF-8 bytes in 8-bit mode,
 * as QRcode_encodeString8bit() would, but behind an ECI header that says
 * "UTF-8": without it scanners guess the encoding, and zbar, for one, reads
 * "Zoë" as Shift-JIS. Each dark module is a Cairo rectangle, so the code
 * stays sharp at any size and in a PDF.
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <qrencode.h>

#include "nh-qr.h"

struct _NhQr
{
  QRcode *code;
};

/* Low error correction: the densest code, for the small room on a card;
 * printed on paper it reads well. */
#define LEVEL QR_ECLEVEL_L

/* The ECI assignment number of UTF-8. */
#define ECI_UTF8 26

NhQr *
nh_qr_new (const char  *text,
           GError     **error)
{
  QRinput *input;
  QRcode *code;
  NhQr *self;
  int saved_errno;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  errno = 0;
  input = QRinput_new2 (0, LEVEL);
  if (input != NULL &&
      QRinput_appendECIheader (input, ECI_UTF8) == 0 &&
      QRinput_append (input, QR_MODE_8, strlen (text), (const unsigned char *)text) == 0)
    code = QRcode_encodeInput (input);
  else
    code = NULL;
  saved_errno = errno;
  g_clear_pointer (&input, QRinput_free);

  if (code == NULL)
    {
      if (saved_errno == ERANGE)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                             _("The text is too long for a QR code."));
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Could not make the QR code: %s"), g_strerror (saved_errno));
      return NULL;
    }

  self = g_new0 (NhQr, 1);
  self->code = code;

  return self;
}

void
nh_qr_free (NhQr *self)
{
  if (self == NULL)
    return;

  QRcode_free (self->code);
  g_free (self);
}

/* The width of the code in modules, without the quiet zone. */
guint
nh_qr_get_modules (NhQr *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->code->width;
}

gboolean
nh_qr_get_dark (NhQr  *self,
                guint  x,
                guint  y)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (x < (guint)self->code->width && y < (guint)self->code->width, FALSE);

  /* The lowest bit of each byte is the module's colour. */
  return self->code->data[y * self->code->width + x] & 1;
}

/* Draws the code with its quiet zone in a square of @size at @x, @y: a white
 * square with black modules. Runs of dark modules on a row are one
 * rectangle, and all are filled at once, so no seams show between them. */
void
nh_qr_draw (NhQr    *self,
            cairo_t *cr,
            double   x,
            double   y,
            double   size)
{
  guint n;
  double module;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  n = self->code->width;
  module = size / (n + 2 * NH_QR_QUIET_ZONE);

  cairo_save (cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);

  cairo_translate (cr, x + NH_QR_QUIET_ZONE * module, y + NH_QR_QUIET_ZONE * module);
  cairo_new_path (cr);
  for (guint row = 0; row < n; row++)
    {
      guint col = 0;

      while (col < n)
        {
          guint start;

          if (!nh_qr_get_dark (self, col, row))
            {
              col++;
              continue;
            }

          start = col;
          while (col < n && nh_qr_get_dark (self, col, row))
            col++;
          cairo_rectangle (cr, start * module, row * module, (col - start) * module, module);
        }
    }
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_fill (cr);

  cairo_restore (cr);
}
