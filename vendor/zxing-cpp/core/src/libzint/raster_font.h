#include "../../../zint/backend/raster_font.h"
