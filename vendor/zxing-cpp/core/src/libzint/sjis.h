#include "../../../zint/backend/sjis.h"
