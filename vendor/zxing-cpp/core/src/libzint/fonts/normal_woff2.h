#include "../../../zint/backend/fonts/normal_woff2.h"
