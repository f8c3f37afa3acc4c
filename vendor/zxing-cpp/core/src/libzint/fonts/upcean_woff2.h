#include "../../../zint/backend/fonts/upcean_woff2.h"
